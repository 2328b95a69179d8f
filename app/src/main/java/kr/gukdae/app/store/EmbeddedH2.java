package kr.gukdae.app.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Locks down the embedded H2 file database before the data source opens it. H2's auto-server (how a
 * CLI command and the running web server share the file) would listen on every interface; it is
 * bound to loopback here. And the database gets a user with a random password kept in an owner-only
 * file next to it ({@code DB.credentials}), instead of H2's empty password. A database created
 * before this (user "" with no password) is moved over on first start. Does nothing when the URL is
 * not an H2 file or the password is given (GUKDAE_DB_PASSWORD).
 *
 * <p>It works on the data source's resolved properties, just before the data source is built (not
 * earlier, on the raw environment, where a test's own database URL is not visible yet).
 */
@Component
final class EmbeddedH2 implements BeanPostProcessor {

  static final String USER = "gukdae";
  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof DataSourceProperties properties) {
      secure(properties);
    }
    return bean;
  }

  static void secure(DataSourceProperties properties) {
    String url = properties.getUrl();
    if (url == null || !url.startsWith("jdbc:h2:file:")) {
      return;
    }
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1"); // read when H2 first loads, just after
    }
    String given = properties.getPassword();
    if (given != null && !given.isEmpty()) {
      return;
    }
    Path db = Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0]);
    properties.setUsername(USER);
    properties.setPassword(password(db, url));
  }

  /**
   * The password from {@code DB.credentials}, created once. The password is written to {@code
   * DB.credentials.new} first and only renamed once an old database has been moved over, so a
   * process killed in between never locks the database with a password nobody kept.
   */
  static String password(Path db, String url) {
    Path file = db.resolveSibling(db.getFileName() + ".credentials");
    Path pending = db.resolveSibling(db.getFileName() + ".credentials.new");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!Files.exists(pending)) {
        Path tmp = Files.createTempFile(pending.getParent(), ".credentials", ".tmp", OWNER_ONLY);
        Files.writeString(tmp, randomHex(), StandardCharsets.UTF_8);
        try {
          Files.createLink(pending, tmp); // fails if another process got there first
        } catch (FileAlreadyExistsException raced) {
          // use theirs
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      String password = Files.readString(pending, StandardCharsets.UTF_8).strip();
      if (Files.exists(db.resolveSibling(db.getFileName() + ".mv.db"))) {
        moveOver(url, password);
      }
      Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the database credentials in " + file, e);
    }
  }

  /** Before this change the database had user "" with an empty password. */
  private static void moveOver(String url, String password) {
    try (var c = DriverManager.getConnection(url, "", "");
        var s = c.createStatement()) {
      s.execute("CREATE USER IF NOT EXISTS \"GUKDAE\" PASSWORD '" + password + "' ADMIN");
      s.execute("ALTER USER \"GUKDAE\" SET PASSWORD '" + password + "'");
      s.execute("ALTER USER \"\" SET PASSWORD '" + randomHex() + "'");
    } catch (SQLException oldLoginGone) {
      try (var c = DriverManager.getConnection(url, USER, password)) {
        c.isValid(1); // moved over already, by an earlier start that was killed before the rename
      } catch (SQLException e) {
        throw new IllegalStateException(
            "cannot log in to the embedded database "
                + url
                + " with H2's old empty password or the generated one: "
                + e.getMessage(),
            e);
      }
    }
  }

  private static String randomHex() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
