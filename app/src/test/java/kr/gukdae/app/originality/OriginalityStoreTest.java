package kr.gukdae.app.originality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.originality.Fingerprint;
import kr.gukdae.originality.Originality;
import kr.gukdae.originality.WeightModel;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class OriginalityStoreTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void reportsAndFingerprintsRoundTrip(String database) {
    String url = TestDatabases.migratedUrl(database);
    JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url));
    OriginalityStore store = new OriginalityStore(jdbc);

    var config = DemoWeights.Config.tiny();
    var base = DemoWeights.independent(config, 1);
    base.write(dir.resolve("base"), DType.F32, 1);
    DemoWeights.withFrozenComponent(
            DemoWeights.independent(config, 2), base, DemoWeights.VISION_PREFIX)
        .write(dir.resolve("mixed"), DType.BF16, 2);
    WeightModel ref = WeightModel.open("foreign", dir.resolve("base"));
    WeightModel cand = WeightModel.open("team-a", dir.resolve("mixed"));
    var report =
        Originality.compare(
            cand,
            List.of(ref),
            Originality.calibrate(List.of(), Originality.Options.defaults()),
            Originality.Options.defaults(),
            null);

    String id = store.save(report, "/models/team-a");
    assertThat(store.list()).extracting(OriginalityStore.ReportSummary::id).containsExactly(id);
    var back = store.get(id).orElseThrow();
    assertThat(back.get("verdict").asString())
        .isEqualTo("CONTAINS COMPONENT vision_encoder (frozen) FROM foreign");
    assertThat(back.get("verdictKo").asString()).isEqualTo("foreign의 구성요소 포함: vision_encoder (동결)");
    assertThat(back.get("verdictCode").asString()).isEqualTo("CONTAINS_COMPONENT");
    assertThat(back.get("explanationKo").asString()).contains("외부 가중치");
    assertThat(back.get("nullModels").get("demoPairs").asInt()).isEqualTo(6);
    var finding = back.get("findings").get(0);
    assertThat(finding.get("verdictKo").asString()).contains("동결");
    assertThat(finding.get("coverage").asDouble()).isGreaterThan(0.99);
    assertThat(finding.get("share").asDouble()).isBetween(0.05, 0.2);
    // the decoder stack has 4 blocks, each compared with its own index (none found by content)
    assertThat(finding.get("mapping").size()).isGreaterThanOrEqualTo(4);
    assertThat(finding.get("tamper").get("nonFiniteCandidate").asLong()).isZero();
    assertThat(back.get("findings").get(0).get("tensors").size())
        .isEqualTo(report.findings().get(0).tensors().size());
    String similarity =
        jdbc.sql(
                "SELECT similarity FROM forensics_evidence WHERE model = ?"
                    + " AND reference_name = ? AND component = 'vision_encoder.block.0'")
            .params("team-a", "foreign")
            .query(String.class)
            .single();
    assertThat(similarity).isEqualTo("COPIED");
    assertThat(store.get("missing")).isEmpty();

    List<Fingerprint> prints = Fingerprint.of(ref);
    store.saveFingerprints("foreign", prints);
    store.saveFingerprints("foreign", prints); // replaces, no duplicates
    var stored = store.fingerprints().get("foreign");
    assertThat(stored).hasSize(prints.size());
    assertThat(Fingerprint.screen("foreign", Fingerprint.of(cand), stored).topComponent())
        .isEqualTo("vision_encoder");
  }
}
