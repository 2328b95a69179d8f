package kr.gukdae.app.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import kr.gukdae.cli.Terminal;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.OfficeKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The application's audit ledger lives in its database and is signed with the office key from the
 * key file (outside the database). A fresh installation, whose ledger is still empty, gets its key
 * created here so that {@code gukdae demo} works in one step; a ledger with entries needs an
 * explicit {@code gukdae ledger init}.
 */
@Configuration
class LedgerConfig {

  /** Where the office key and the exported checkpoints are kept. */
  record LedgerFiles(Path keyFile, Path anchors) {}

  @Bean
  LedgerFiles ledgerFiles(
      @Value("${gukdae.ledger.key-file}") Path keyFile,
      @Value("${gukdae.ledger.anchors}") Path anchors) {
    return new LedgerFiles(keyFile, anchors);
  }

  /**
   * After the migrations: the ledger reads its table at once, and a command that asks for the
   * ledger first ({@code audit verify} on a fresh installation, where commands' beans start lazily)
   * would otherwise read before Flyway created it. Not lazy: a fresh installation's key is created,
   * and its notice printed, while the context starts, before the command prints anything, not in
   * the middle of what the command prints.
   */
  @Bean
  @DependsOnDatabaseInitialization
  @Lazy(false)
  Ledger auditLedger(DataSource dataSource, LedgerFiles files) {
    JdbcLedgerStore store = new JdbcLedgerStore(dataSource);
    OfficeKey key = null;
    if (Files.exists(files.keyFile())) {
      key = OfficeKey.load(files.keyFile());
    } else if (store.last() == null) {
      key = OfficeKey.generate();
      try {
        key.save(files.keyFile());
        // a notice for the person who installed gukdae, in their language (not a framework log
        // line, which a command shows only with --verbose); stderr keeps stdout for results
        System.err.println(
            Terminal.pick(
                "gukdae: 사무국 원장 키를 만들었습니다: "
                    + files.keyFile()
                    + " (지문 "
                    + key.fingerprint()
                    + "). 공개 키 "
                    + OfficeKey.publicFile(files.keyFile())
                    + "를 공개하세요",
                "gukdae: created the office ledger key "
                    + files.keyFile()
                    + " (fingerprint "
                    + key.fingerprint()
                    + "); publish "
                    + OfficeKey.publicFile(files.keyFile())));
      } catch (kr.gukdae.UserError raced) {
        key = OfficeKey.load(files.keyFile()); // another process created it first
      }
    }
    return Ledger.office(store, Clock.systemUTC(), key, files.anchors());
  }
}
