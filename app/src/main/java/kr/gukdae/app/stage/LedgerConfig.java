package kr.gukdae.app.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.OfficeKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's audit ledger lives in its database and is signed with the office key from the
 * key file (outside the database). A fresh installation, whose ledger is still empty, gets its key
 * created here so that {@code gukdae demo} works in one step; a ledger with entries needs an
 * explicit {@code gukdae ledger init}.
 */
@Configuration
class LedgerConfig {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerConfig.class);

  /** Where the office key and the exported checkpoints are kept. */
  record LedgerFiles(Path keyFile, Path anchors) {}

  @Bean
  LedgerFiles ledgerFiles(
      @Value("${gukdae.ledger.key-file}") Path keyFile,
      @Value("${gukdae.ledger.anchors}") Path anchors) {
    return new LedgerFiles(keyFile, anchors);
  }

  @Bean
  Ledger auditLedger(DataSource dataSource, LedgerFiles files) {
    JdbcLedgerStore store = new JdbcLedgerStore(dataSource);
    OfficeKey key = null;
    if (Files.exists(files.keyFile())) {
      key = OfficeKey.load(files.keyFile());
    } else if (store.last() == null) {
      key = OfficeKey.generate();
      try {
        key.save(files.keyFile());
        LOG.warn(
            "created the office ledger key {} (fingerprint {}); publish {}",
            files.keyFile(),
            key.fingerprint(),
            OfficeKey.publicFile(files.keyFile()));
      } catch (kr.gukdae.UserError raced) {
        key = OfficeKey.load(files.keyFile()); // another process created it first
      }
    }
    return Ledger.office(store, Clock.systemUTC(), key, files.anchors());
  }
}
