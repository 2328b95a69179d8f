package kr.gukdae.app.access;

import java.util.Objects;
import kr.gukdae.text.Fold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills {@code username_key} (the look-alike skeleton, see {@link Fold#skeleton}) for accounts
 * created before the column existed; SQL cannot compute NFKC or fold confusables, so this runs at
 * start. Two old accounts that already look alike keep their names; the second gets no key, and the
 * log says so, since an office must decide which one is genuine.
 */
final class AccountKeys {

  private static final Logger log = LoggerFactory.getLogger(AccountKeys.class);

  private final JdbcClient jdbc;

  AccountKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void backfill() {
    var names =
        jdbc.sql(
                "SELECT username FROM arena_account WHERE username_key IS NULL ORDER BY created_at")
            .query(String.class)
            .list();
    for (String raw : names) {
      // username is the table's primary key, so a null here means the schema is not ours
      String name = Objects.requireNonNull(raw, "arena_account.username is null");
      try {
        jdbc.sql("UPDATE arena_account SET username_key = ? WHERE username = ?")
            .params(Fold.skeleton(name), name)
            .update();
      } catch (DataIntegrityViolationException e) {
        log.warn(
            "account {} looks like an existing account; it cannot sign in until renamed", name);
      }
    }
  }
}
