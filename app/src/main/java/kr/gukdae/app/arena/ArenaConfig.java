package kr.gukdae.app.arena;

import java.time.Clock;
import javax.sql.DataSource;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.models.ModelRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the arena's parts; each is a plain class so tests can build them on any database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArenaSettings.class)
class ArenaConfig {

  @Bean
  Arena arena(
      DataSource dataSource,
      TransactionTemplate tx,
      ArenaSettings settings,
      Accounts accounts,
      ModelRegistry registry) {
    return Arena.create(dataSource, tx, settings, Clock.systemUTC(), accounts, registry);
  }
}
