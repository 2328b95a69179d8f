package kr.gukdae.app.models;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code gukdae.models.allowed-networks}: CIDRs where model endpoints may live besides the
 * internet.
 */
@Configuration(proxyBeanMethods = false)
class ModelsConfig {

  @Bean
  ModelRegistry modelRegistry(
      DataSource dataSource, @Value("${gukdae.models.allowed-networks:}") List<String> allowed) {
    return new ModelRegistry(dataSource, Clock.systemUTC(), allowed);
  }
}
