package kr.gukdae.app.office;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import kr.gukdae.ledger.Ledger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The office's programmes, store and workflow. */
@Configuration(proxyBeanMethods = false)
class OfficeConfig {

  @Bean
  OfficeProgrammes officeProgrammes(
      @Value("${gukdae.office.programmes:seed-2025,extra-call-2026,contest,institutes}")
          List<String> names) {
    return new OfficeProgrammes(names);
  }

  @Bean
  PortfolioService portfolioService(Ledger ledger) {
    return new PortfolioService(ledger);
  }

  /** A {@link Clock} bean, when the context has one (tests move it), else the system clock. */
  @Bean
  OfficeService officeService(
      DataSource dataSource, TransactionTemplate tx, Ledger ledger, ObjectProvider<Clock> clock) {
    return new OfficeService(
        new OfficeStore(dataSource, tx), ledger, clock.getIfAvailable(Clock::systemUTC));
  }
}
