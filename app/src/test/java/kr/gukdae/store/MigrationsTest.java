package kr.gukdae.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void allMigrationsApplyAndTheSchemaAcceptsARun(String database) throws SQLException {
    String url = TestDatabases.url(database);
    var result = Flyway.configure().dataSource(url, null, null).load().migrate();
    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isGreaterThan(0);

    try (var connection = DriverManager.getConnection(url);
        var statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO eval_run (id, model, tasks, status, started_at)"
              + " VALUES ('r1', 'demo/lexical', 'demo/ko_facts', 'RUNNING', CURRENT_TIMESTAMP)");
      var rows = statement.executeQuery("SELECT count(*) FROM eval_run WHERE id = 'r1'");
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(1);
    }
  }

  /**
   * An installation made before a feature added a migration in its own range (e.g. arena's V101
   * after stage's V400 was applied) must upgrade, as the app's out-of-order setting allows.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void anOlderInstallationUpgradesWhenAFeatureAddsAMigrationInItsRange(String database)
      throws Exception {
    String url = TestDatabases.url(database);
    Path older = Files.createTempDirectory("gukdae-older-migrations");
    Path current = Path.of("src/main/resources/db/migration");
    try (var files = Files.list(current)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("V101__")).toList()) {
        Files.copy(f, older.resolve(f.getFileName()));
      }
    }
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("filesystem:" + older)
        .load()
        .migrate();

    var strict = Flyway.configure().dataSource(url, null, null).load();
    assertThatThrownBy(strict::migrate).hasMessageContaining("not applied");
    var upgrade = Flyway.configure().dataSource(url, null, null).outOfOrder(true).load().migrate();
    assertThat(upgrade.migrationsExecuted).isEqualTo(1);

    Properties app = new Properties();
    try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
      app.load(in);
    }
    assertThat(app.getProperty("spring.flyway.out-of-order")).isEqualTo("true");
  }
}
