package kr.gukdae.app.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.Sha256;
import kr.gukdae.data.DataJson;

/**
 * A team's training files as the data commands read them: two shards (Korean JSONL and English
 * text), each with one benchmark item planted in it, a manifest naming both with their hashes, and
 * an eval run whose samples ask those two items among two clean ones.
 *
 * @param shards the folder the manifest's shard paths are relative to
 * @param manifest the manifest file
 */
public record TrainingFiles(Path shards, Path manifest) {

  /** Planted in {@code ko.jsonl} and asked in the eval run. */
  public static final String KOREAN_ITEM =
      "다음 중 조선 시대 훈민정음을 창제한 왕과 그 목적을 바르게 설명한 것은 무엇인가 백성이 쉽게 글을 익히도록";

  /** Planted in {@code en.txt} and asked in the eval run. */
  public static final String ENGLISH_ITEM =
      "The committee reviewed the harbor budget and the council approved the energy report before"
          + " the river policy vote";

  /** The manifest's datasets' names, licence and ids, as a team writes them (data in output). */
  public static final List<String> WORDS =
      List.of("Korean news", "Web crawl", "programme", "ko-news", "web", "v1", "2026-01");

  /** Writes the shards and the manifest of {@code team} under {@code dir}. */
  public static TrainingFiles write(Path dir, String team) throws IOException {
    Path shards = Files.createDirectories(dir.resolve("shards"));
    Files.writeString(
        shards.resolve("ko.jsonl"),
        "{\"text\":\"신문 기사 본문입니다. "
            + KOREAN_ITEM
            + " 그 밖의 내용.\"}\n{\"text\":\"정부가 경제 정책을 발표했다.\"}\n");
    Files.writeString(
        shards.resolve("en.txt"),
        "Some web page. " + ENGLISH_ITEM + ". Footer\nAnother line of text.\n");
    String manifest =
        "{\"format\":\"gukdae-training-manifest/1\",\"team\":\""
            + team
            + "\",\"datasets\":["
            + "{\"id\":\"ko-news\",\"version\":\"v1\",\"name\":\"Korean news\",\"source\":\"LICENSED\",\"modality\":\"TEXT\",\"licence\":\"programme\"},"
            + "{\"id\":\"web\",\"version\":\"2026-01\",\"name\":\"Web crawl\",\"source\":\"CRAWLED\",\"modality\":\"TEXT\",\"licence\":null}],"
            + "\"shards\":["
            + shard(shards, "ko.jsonl", "ko-news", "v1")
            + ","
            + shard(shards, "en.txt", "web", "2026-01")
            + "]}";
    return new TrainingFiles(shards, Files.writeString(dir.resolve("manifest.json"), manifest));
  }

  /**
   * An lm-eval run folder ({@code results.json}, {@code samples_mixed.jsonl}) whose four questions
   * are the two planted items and two that appear in no shard; the planted ones answered right.
   */
  public static Path evalRun(Path dir) throws IOException {
    Path run = Files.createDirectories(dir);
    List<String> samples = new ArrayList<>();
    String[] questions = {
      KOREAN_ITEM,
      "대한민국의 국회는 법률을 제정하고 예산을 심의하며 행정부를 감시하는 기능을 가지는 기관이다 옳은 것은",
      ENGLISH_ITEM,
      "Which statement about photosynthesis in plants and the role of chlorophyll in capturing light"
          + " is correct"
    };
    for (int i = 0; i < questions.length; i++) {
      samples.add(
          DataJson.MAPPER.writeValueAsString(
              Map.of(
                  "doc_id",
                  i,
                  "doc",
                  Map.of("question", questions[i]),
                  "acc",
                  i % 2 == 0 ? 1.0 : 0.0,
                  "metrics",
                  List.of("acc"))));
    }
    Files.write(run.resolve("samples_mixed.jsonl"), samples);
    Files.writeString(run.resolve("results.json"), "{\"results\":{\"mixed\":{\"acc,none\":0.5}}}");
    return run;
  }

  private static String shard(Path dir, String name, String dataset, String version)
      throws IOException {
    byte[] bytes = Files.readAllBytes(dir.resolve(name));
    return "{\"path\":\""
        + name
        + "\",\"sha256\":\""
        + Sha256.hex(bytes)
        + "\",\"bytes\":"
        + bytes.length
        + ",\"dataset\":\""
        + dataset
        + "\",\"version\":\""
        + version
        + "\",\"weight\":1}";
  }
}
