package kr.gukdae.app.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import kr.gukdae.lineage.CountRules;
import kr.gukdae.lineage.Lineage;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class LineageEvidenceRepositoryTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void storesAndListsCountsWithTheirWindowAndRules(String database) {
    String url = TestDatabases.migratedUrl(database);
    var repository =
        new LineageEvidenceRepository(JdbcClient.create(new DriverManagerDataSource(url)));
    Lineage demo = Lineage.demo();
    Instant since = Instant.parse("2025-08-01T00:00:00Z");
    var count = demo.count("demo-team-1/Hanbit-32B", CountRules.defaults().window(since, null));

    var saved = repository.save(count, demo.report(), "demo");
    repository.save(
        demo.count("demo-team-2/Saebyeok-7B", CountRules.defaults()), demo.report(), "demo");

    assertThat(saved.counted()).isEqualTo(count.counted());
    assertThat(saved.windowStart()).isEqualTo(since);
    assertThat(saved.windowEnd()).isNull();
    assertThat(saved.finetunes() + saved.adapters() + saved.merges() + saved.quantized())
        .isEqualTo(count.counted());
    assertThat(saved.rules()).contains("\"maxPerOwner\":10");
    assertThat(repository.list("demo-team-1/hanbit-32b"))
        .extracting(e -> e.id())
        .containsExactly(saved.id());
    assertThat(repository.list(null)).hasSize(2);
  }
}
