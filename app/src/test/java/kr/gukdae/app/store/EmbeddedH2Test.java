package kr.gukdae.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedH2Test {

  @TempDir Path dir;

  @Test
  void anOldEmptyPasswordDatabaseGetsAGeneratedPasswordAndKeepsItsData() throws Exception {
    Path db = dir.resolve("db/gukdae");
    String url = "jdbc:h2:file:" + db + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (var c = DriverManager.getConnection(url, "", "");
        var s = c.createStatement()) {
      s.execute("CREATE TABLE kept (x INT)");
      s.execute("INSERT INTO kept VALUES (42)");
    }
    String password = EmbeddedH2.password(db, url);
    Path file = dir.resolve("db/gukdae.credentials");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close())
        .isInstanceOf(SQLException.class);
    try (var c = DriverManager.getConnection(url, "gukdae", password);
        var rs = c.createStatement().executeQuery("SELECT x FROM kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
    assertThat(EmbeddedH2.password(db, url)).isEqualTo(password);

    // A start killed after moving the database over but before keeping the file finishes later.
    Files.move(file, dir.resolve("db/gukdae.credentials.new"));
    assertThat(EmbeddedH2.password(db, url)).isEqualTo(password);
    assertThat(file).exists();
  }
}
