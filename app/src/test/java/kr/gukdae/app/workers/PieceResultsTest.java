package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.originality.WeightFile;
import kr.gukdae.data.quality.QualityCheck;
import kr.gukdae.originality.DType;
import kr.gukdae.originality.DemoWeights;
import kr.gukdae.originality.TensorStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind's piece results read back typed through its codec: what a piece computed reads back
 * equal (statistics bit for bit); results stored before typed results either still read (quality,
 * ngrams, lineage: the same JSON) or are refused with an error naming the job and the piece
 * (originality: its statistics were comma-separated text); a damaged result is refused the same
 * way, never joined as if it were empty.
 */
class PieceResultsTest {

  @TempDir Path root;

  private static final String SHA = "ab".repeat(32);

  private static JobQueue.Stored stored(int no, String result) {
    return new JobQueue.Stored(no, "piece-label", "{}", result, "hmac-sha256:k:00");
  }

  private static <R> R read(JobKind<R> kind, String result) {
    return kind.codec().read("job-7", stored(3, result));
  }

  private static void assertRefused(JobKind<?> kind, String result, String why) {
    assertThatThrownBy(() -> read(kind, result))
        .isInstanceOf(PieceCodec.Unreadable.class)
        .satisfies(e -> {
          UserError u = (UserError) e;
          assertThat(u.message(false))
              .startsWith(
                  "job job-7, piece 3 (piece-label): its stored result cannot be read as a "
                      + kind.name()
                      + " piece result (")
              .contains(why)
              .contains("submit the job again");
          assertThat(u.message(true)).contains("조각 결과로 읽을 수 없습니다").contains("작업을 다시 제출하세요");
        });
  }

  @Test
  void resultsStoredBeforeTypedResultsStillReadWhereTheirJsonIsUnchanged() {
    // byte for byte what the workers stored before (JobJson.write of the same records)
    List<QualityCheck.RowFacts> facts =
        read(
            new QualityJob(),
            "[{\"where\":\"web.jsonl:1\",\"key\":\"1\",\"broken\":null,\"script\":\"ko\","
                + "\"normal\":\"n1\",\"signature\":[3,1,2],\"personal\":null,\"hate\":null,"
                + "\"ocr\":null}]");
    assertThat(facts).hasSize(1);
    assertThat(facts.get(0).where()).isEqualTo("web.jsonl:1");
    assertThat(facts.get(0).signature()).containsExactly(3, 1, 2);

    NgramsJob.PartResult part =
        read(
            new NgramsJob(),
            "{\"path\":\"/d/team.ngrams.part0\",\"sha256\":\""
                + SHA
                + "\",\"ngrams\":5,"
                + "\"documents\":2}");
    assertThat(part).isEqualTo(new NgramsJob.PartResult("/d/team.ngrams.part0", SHA, 5, 2));

    LineageJob.Fetched page =
        read(
            new LineageJob(),
            "{\"record\":false,\"query\":\"org/base\",\"page\":1,\"model\":null,"
                + "\"models\":[\"{\\\"id\\\":\\\"a/b\\\"}\"],\"next\":null}");
    assertThat(page)
        .isEqualTo(
            new LineageJob.Fetched(false, "org/base", 1, null, List.of("{\"id\":\"a/b\"}"), null));
  }

  @Test
  void originalityResultsFromBeforeAreRefusedNamingTheJobAndPiece() {
    OriginalityJob kind = new OriginalityJob();
    // the statistics of a run of pairs, as comma-separated hex bits
    assertRefused(
        kind,
        "[\"12,7ff8000000000000,8000000000000000,1,7ff0000000000000,0,0,IDENTITY,0,0,0,0\"]",
        "");
    // a weight file's hash, as the bare record
    assertRefused(
        kind, "{\"file\":\"model.safetensors\",\"sha256\":\"" + SHA + "\",\"bytes\":9}", "");
  }

  @Test
  void originalityResultsReadBackEqualStatisticsBitForBit() {
    OriginalityJob kind = new OriginalityJob();
    var stats =
        new TensorStats(
            12,
            Double.NaN,
            -0.0,
            Double.MIN_VALUE,
            Double.POSITIVE_INFINITY,
            0.1 + 0.2,
            Double.NEGATIVE_INFINITY,
            TensorStats.Alignment.TOKENS,
            new TensorStats.Tamper(1, 2, 3, Long.MAX_VALUE));
    OriginalityJob.PieceResult pairs = new OriginalityJob.Pairs(List.of(stats, stats));
    String text = kind.codec().write(pairs);
    assertThat(text).startsWith("{\"type\":\"pairs\"");
    OriginalityJob.PieceResult back = read(kind, text);
    assertThat(back).isEqualTo(pairs);
    var first = ((OriginalityJob.Pairs) back).stats().get(0);
    assertThat(Double.doubleToRawLongBits(first.plainPearson()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(first.cosine()).isEqualTo(Double.MIN_VALUE);

    var hashed = new OriginalityJob.Hashed(new WeightFile("model.safetensors", SHA, 9));
    assertThat(read(kind, kind.codec().write(hashed))).isEqualTo(hashed);
  }

  @Test
  void aDamagedResultIsRefusedNotJoinedAsEmpty() {
    assertRefused(new QualityJob(), "null", "null");
    assertRefused(new QualityJob(), "[{\"where\":\"x\"", "");
    assertRefused(new QualityJob(), "[] []", "");
    // a field missing, or one this version does not know
    assertRefused(
        new NgramsJob(), "{\"path\":\"/d/x.part0\",\"sha256\":\"" + SHA + "\",\"ngrams\":5}", "");
    assertRefused(
        new NgramsJob(),
        "{\"path\":\"/d/x.part0\",\"sha256\":\""
            + SHA
            + "\",\"ngrams\":5,\"documents\":2,"
            + "\"bits\":1}",
        "bits");
    assertRefused(new LineageJob(), "{\"record\":false,\"query\":\"q\",\"page\":1}", "");
    assertRefused(new OriginalityJob(), "{\"type\":\"pairs\",\"stats\":null}", "");
    assertRefused(new OriginalityJob(), "{\"type\":\"weights\",\"stats\":[]}", "weights");

    // the lazy view reads each piece when the join reaches it
    List<NgramsJob.PartResult> results =
        new NgramsJob().codec().results("job-7", List.of(stored(0, "{}"), stored(1, "[]")));
    assertThat(results).hasSize(2);
    assertThatThrownBy(() -> results.get(1))
        .isInstanceOf(PieceCodec.Unreadable.class)
        .hasMessageContaining("piece 1 (piece-label)");
  }

  /**
   * A result of the other variant where a piece's own belongs (only a bug, or an edit re-sealed
   * with the server secret, can put it there): the join refuses it naming the piece.
   */
  @Test
  void anOriginalityResultOfTheWrongVariantIsRefusedNamingThePiece() {
    var c = DemoWeights.Config.tiny();
    DemoWeights.independent(c, 1).write(root.resolve("team"), DType.BF16, 2);
    DemoWeights.independent(c, 2).write(root.resolve("other"), DType.BF16, 2);
    String spec =
        JobJson.write(
            new OriginalityJob.Spec(
                root.resolve("team").toString(),
                "team",
                List.of(new OriginalityJob.Named("other", root.resolve("other").toString())),
                List.of(),
                false,
                false,
                1000,
                null,
                null,
                0,
                0));
    OriginalityJob kind = new OriginalityJob();
    List<JobKind.Piece> pieces = kind.split(spec);
    List<OriginalityJob.PieceResult> results = new ArrayList<>();
    for (JobKind.Piece p : pieces) {
      results.add(read(kind, kind.codec().write(kind.run("job-7", spec, p.spec()))));
    }
    assertThat(results.get(0)).isInstanceOf(OriginalityJob.Pairs.class);
    assertThat(results.get(results.size() - 1)).isInstanceOf(OriginalityJob.Hashed.class);
    Collections.swap(results, 0, results.size() - 1);
    assertThatThrownBy(() -> kind.join("job-7", spec, results))
        .isInstanceOf(PieceCodec.Unreadable.class)
        .hasMessageContaining("job job-7, piece 0 (" + pieces.get(0).label() + "): ")
        .hasMessageContaining("a file's hash where the pairs' statistics belong");
  }
}
