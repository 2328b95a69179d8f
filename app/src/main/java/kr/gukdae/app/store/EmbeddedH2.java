package kr.gukdae.app.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Locks down the embedded H2 file database before the data source opens it. H2's auto-server (how a
 * CLI command and the running web server share the file) would listen on every interface; it is
 * bound to loopback here. And the database gets a user with a random password kept in an owner-only
 * file next to it ({@code DB.credentials}), instead of H2's empty password. A database created
 * before this (user "" with no password) is moved over on first start. Does nothing when the URL is
 * not an H2 file or the password is given (GUKDAE_DB_PASSWORD).
 */
public final class EmbeddedH2 implements EnvironmentPostProcessor {

  static final String USER = "gukdae";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    String url = env.getProperty("spring.datasource.url", "");
    if (!url.startsWith("jdbc:h2:file:")) {
      return;
    }
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
    if (!env.getProperty("spring.datasource.password", "").isEmpty()) {
      return;
    }
    Path db = Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0]);
    String password = password(db, url);
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "gukdae-embedded-h2",
                Map.of(
                    "spring.datasource.username", USER, "spring.datasource.password", password)));
  }

  /** The password from {@code DB.credentials}, created (and an old open database moved) once. */
  static String password(Path db, String url) {
    Path file = db.resolveSibling(db.getFileName() + ".credentials");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String password = HexFormat.of().formatHex(random);
      boolean existed = Files.exists(db.resolveSibling(db.getFileName() + ".mv.db"));
      if (existed) {
        // Before this change the database had user "" with an empty password.
        try (var c = DriverManager.getConnection(url, "", "");
            var s = c.createStatement()) {
          s.execute("CREATE USER IF NOT EXISTS \"GUKDAE\" PASSWORD '" + password + "' ADMIN");
          s.execute(
              "ALTER USER \"\" SET PASSWORD '" + HexFormat.of().formatHex(random, 0, 12) + "x'");
        }
      }
      try {
        Files.writeString(
            Files.createFile(
                file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
            password,
            StandardCharsets.UTF_8,
            StandardOpenOption.TRUNCATE_EXISTING);
        return password;
      } catch (FileAlreadyExistsException raced) {
        return Files.readString(file, StandardCharsets.UTF_8).strip(); // another process won
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the database credentials in " + file, e);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot add a password to the embedded database "
              + db
              + " (it was expected to have H2's old empty password): "
              + e.getMessage(),
          e);
    }
  }
}
