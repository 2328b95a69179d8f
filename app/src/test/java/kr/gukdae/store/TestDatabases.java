package kr.gukdae.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The databases tests run against: a fresh in-memory H2 (the embedded default) and the real
 * PostgreSQL server that {@code scripts/test} starts and names in {@code GUKDAE_TEST_PG_URL}.
 */
public final class TestDatabases {

  private TestDatabases() {}

  /** {@code "h2"}: {@link #freshH2()}; {@code "postgresql"}: {@link #postgres()}. */
  public static String url(String database) {
    return switch (database) {
      case "h2" -> freshH2();
      case "postgresql" -> postgres();
      default -> throw new IllegalArgumentException("h2 or postgresql, not " + database);
    };
  }

  /** A fresh database of this kind ({@link #url}) with every migration applied. */
  public static DataSource migrated(String database) {
    return dataSource(migratedUrl(database));
  }

  /**
   * The URL of a fresh database of this kind with every migration applied, for tests that open it
   * more than once (two servers on one database, a raw JDBC connection beside the service's).
   */
  public static String migratedUrl(String database) {
    String url = url(database);
    Flyway.configure().dataSource(url, null, null).load().migrate();
    return url;
  }

  /** Connections to {@code url}, a new one for each use (no pool: what a test closes is gone). */
  public static DataSource dataSource(String url) {
    try {
      return new SimpleDriverDataSource(DriverManager.getDriver(url), url);
    } catch (SQLException e) {
      throw new IllegalStateException("no JDBC driver for " + url, e);
    }
  }

  public static String freshH2() {
    return "jdbc:h2:mem:"
        + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  }

  /**
   * The PostgreSQL URL, with a fresh schema so tests do not see each other's rows. Under CI the
   * server must be there; a developer running plain {@code ./mvnw test} gets a skip that says how.
   */
  public static String postgres() {
    String url = System.getenv("GUKDAE_TEST_PG_URL");
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (url == null || url.isBlank()) {
      if (ci) {
        throw new IllegalStateException(
            "GUKDAE_TEST_PG_URL is not set under CI: run the tests with scripts/test");
      }
      assumeTrue(false, "PostgreSQL tests need GUKDAE_TEST_PG_URL: run scripts/test");
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (var connection = DriverManager.getConnection(url);
        var statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach PostgreSQL at " + url, e);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
