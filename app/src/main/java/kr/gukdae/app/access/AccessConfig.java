package kr.gukdae.app.access;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link Accounts} for the whole application, so a logout anywhere ends the session everywhere.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfig {

  @Bean
  Accounts accounts(
      DataSource dataSource,
      @Value("${gukdae.access.session-ttl:${gukdae.arena.session-ttl:30d}}") Duration ttl,
      @Value("${gukdae.access.anonymous-sessions-per-minute:60}") int anonymousPerMinute) {
    return Accounts.create(dataSource, Clock.systemUTC(), ttl, anonymousPerMinute);
  }

  @Bean
  Pseudonyms pseudonyms(
      @Value("${gukdae.secret:}") String secret, @Value("${gukdae.home}") String home) {
    return Pseudonyms.load(secret, java.nio.file.Path.of(home));
  }

  @Bean
  Access access(
      Accounts accounts,
      @Value("${gukdae.access.session-ttl:${gukdae.arena.session-ttl:30d}}") Duration ttl) {
    return new Access(accounts, ttl);
  }
}
