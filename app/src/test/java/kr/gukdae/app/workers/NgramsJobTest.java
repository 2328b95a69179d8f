package kr.gukdae.app.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.app.data.DataCommand;
import kr.gukdae.data.GeneratedText;
import kr.gukdae.data.ngram.NgramParams;
import kr.gukdae.data.ngram.Normaliser;
import kr.gukdae.store.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * A contamination n-gram index built by several in-process workers from byte ranges of the training
 * files is, byte for byte, the file {@code gukdae data ngrams} writes in one process; on both
 * databases. Pieces cut lines and multi-byte characters anywhere; a changed partial file, an edited
 * output path and paths outside the roots are refused.
 */
class NgramsJobTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path root;
  private JdbcClient jdbc;
  private JobQueue queue;
  private Jobs jobs;

  private void open(String database) throws Exception {
    var ds = TestDatabases.migrated(database);
    queue = new JobQueue(ds);
    jdbc = queue.jdbc();
    jobs = new Jobs(ds, root.toString(), "", root);
  }

  private JobRunner runner(String id) {
    var config = new Worker.Config(id, 2, null, Duration.ofMinutes(5), Duration.ofMillis(10), root);
    return new JobRunner(queue, config, () -> false);
  }

  private String status(String id) {
    return jdbc.sql("SELECT status FROM work_job WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  /** Korean and English documents with CRLF, lone CR and blank lines, in .txt and .jsonl. */
  private List<Path> trainingFiles() throws Exception {
    GeneratedText gen = new GeneratedText(9);
    StringBuilder txt = new StringBuilder();
    List<String> jsonl = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String doc = i % 2 == 0 ? gen.korean(25) : gen.english(30);
      txt.append(doc).append(i % 7 == 0 ? "\r\n" : i % 11 == 0 ? "\r" : "\n");
      if (i % 13 == 0) {
        txt.append('\n');
      }
      jsonl.add(JSON.writeValueAsString(Map.of("text", gen.korean(20), "id", i)));
    }
    Path a = root.resolve("web-ko.txt");
    Files.writeString(a, txt, StandardCharsets.UTF_8);
    Path b = root.resolve("books.jsonl");
    Files.write(b, jsonl, StandardCharsets.UTF_8);
    return List.of(a, b);
  }

  /** The single process: {@code gukdae data ngrams}, as a team runs it (default normaliser). */
  private Path singleProcess(List<Path> files, Path out) {
    // the ngrams subcommand touches no store
    var command = new DataCommand(null, null, null, null);
    List<String> args =
        new ArrayList<>(
            List.of("ngrams", "--n", "13", "--log2-bits", "18", "--hashes", "5", "--threads", "2"));
    args.addAll(List.of("--out", out.toString()));
    files.forEach(f -> args.add(f.toString()));
    int code = new CommandLine(command).execute(args.toArray(String[]::new));
    assertThat(code).isZero();
    return out;
  }

  private NgramsJob.Spec spec(List<Path> files, Path out, long bytesPerPiece) {
    return new NgramsJob.Spec(
        files.stream().map(f -> new NgramsJob.Source(f.toString(), 0)).toList(),
        "text",
        NgramParams.of(13, Normaliser.fromId(Normaliser.DEFAULT_ID), 18, 5),
        out.toString(),
        bytesPerPiece);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void piecesOfByteRangesGiveTheSingleProcessFileByteForByte(String db) throws Exception {
    open(db);
    List<Path> files = trainingFiles();
    byte[] single = Files.readAllBytes(singleProcess(files, root.resolve("single.ngrams")));

    // 997-byte pieces cut lines, CRLFs and three-byte Korean characters in the middle
    Path out = root.resolve("team.ngrams");
    String id = jobs.submitNgrams(spec(files, out, 997), "office");
    int pieces = jobs.progress(id).orElseThrow().shardsTotal();
    long bytes = Files.size(files.get(0)) + Files.size(files.get(1));
    assertThat(pieces)
        .isEqualTo(
            (int)
                ((Files.size(files.get(0)) + 996) / 997 + (Files.size(files.get(1)) + 996) / 997));
    assertThat(bytes).isGreaterThan(997L * 10);
    QueueFixture.drain(runner("w1"), runner("w2"), runner("w3"));
    assertThat(status(id)).isEqualTo("DONE");
    assertThat(Files.readAllBytes(out)).isEqualTo(single);
    var result = JSON.readTree(jobs.result(id).orElseThrow());
    assertThat(result.get("out").asString()).isEqualTo(out.toRealPath().toString());
    assertThat(result.get("sha256").asString()).isEqualTo(kr.gukdae.Sha256.hex(single));
    assertThat(result.at("/header/documents").asLong()).isPositive();
    assertThat(result.at("/header/params/normaliser").asString()).isEqualTo("nori-2");
    // the partial filters are gone once the job is done
    try (var left = Files.list(root)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".part"));
    }

    // the output exists now: a second job may not replace it
    assertThatThrownBy(() -> jobs.submitNgrams(spec(files, out, 997), "office"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("already exists");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2"})
  void aChangedPartAnEditedOutputAndPathsOutsideTheRootsAreRefused(String db) throws Exception {
    open(db);
    List<Path> files = trainingFiles();
    // a partial file swapped between its piece and the merge: the merge refuses, the job fails
    Path out = root.resolve("swapped.ngrams");
    String id = jobs.submitNgrams(spec(files, out, 4000), "office");
    JobRunner w = runner("w1");
    int pieces = jobs.progress(id).orElseThrow().shardsTotal();
    for (int i = 0; i < pieces; i++) {
      assertThat(w.runNext()).isTrue();
    }
    Files.copy(
        root.resolve("swapped.ngrams.part1"),
        root.resolve("swapped.ngrams.part0"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    QueueFixture.drain(w);
    assertThat(status(id)).isEqualTo("FAILED");
    assertThat(jobs.progress(id).orElseThrow().error())
        .contains("the partial file changed after its piece wrote it");
    assertThat(out).doesNotExist();

    // someone with database access points the output at another file: the worker will not touch it
    Path victim = root.resolve("notes.txt");
    Files.writeString(victim, "소중한 메모");
    String edited = jobs.submitNgrams(spec(files, root.resolve("fine.ngrams"), 1 << 20), "o");
    jdbc.sql("UPDATE work_job SET spec = REPLACE(spec, ?, ?) WHERE id = ?")
        .params("fine.ngrams", "notes.txt", edited)
        .update();
    SealedSpecsTest.reseal(jdbc, root, edited); // by someone who holds the secret too
    QueueFixture.drain(w);
    assertThat(status(edited)).isEqualTo("FAILED");
    assertThat(jobs.progress(edited).orElseThrow().error())
        .contains("must be an absolute path ending in .ngrams");
    assertThat(Files.readString(victim)).isEqualTo("소중한 메모");

    // outside the roots, a link out of them, or not a .ngrams name: refused before anything is
    // queued
    int before = jdbc.sql("SELECT COUNT(*) FROM work_job").query(Integer.class).single();
    Path outside = Files.createTempFile("gukdae-outside", ".txt");
    try {
      Path link = root.resolve("link.txt");
      Files.createSymbolicLink(link, outside);
      for (Path f : List.of(outside, link)) {
        assertThatThrownBy(
                () -> jobs.submitNgrams(spec(List.of(f), root.resolve("x.ngrams"), 100), "o"))
            .isInstanceOf(UserError.class)
            .hasMessageStartingWith("files: ");
      }
      assertThatThrownBy(
              () -> jobs.submitNgrams(spec(files, outside.resolveSibling("y.ngrams"), 100), "o"))
          .hasMessageStartingWith("out: ");
      assertThatThrownBy(() -> jobs.submitNgrams(spec(files, root.resolve("z.bin"), 100), "o"))
          .hasMessageContaining("ending in .ngrams");
    } finally {
      Files.deleteIfExists(outside);
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM work_job").query(Integer.class).single())
        .isEqualTo(before);
  }

  /**
   * A training file changed after submission without changing its size (one byte): the piece whose
   * range holds it refuses before indexing, naming the file and the job, and the job fails.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"h2", "postgresql"})
  void aSameSizeFileWithOneByteChangedIsRefusedNamingFileAndJob(String db) throws Exception {
    open(db);
    List<Path> files = trainingFiles();
    Path out = root.resolve("changed.ngrams");
    String id = jobs.submitNgrams(spec(files, out, 997), "office");
    Path txt = files.get(0);
    byte[] bytes = Files.readAllBytes(txt);
    int at = 2500; // inside the third piece of the first file
    int i = at;
    while (bytes[i] < 'a' || bytes[i] > 'y') {
      i++; // an ASCII letter, so the text stays valid UTF-8 and the size stays
    }
    bytes[i]++;
    Files.write(txt, bytes);
    assertThat(Files.size(txt)).isEqualTo(bytes.length);

    QueueFixture.drain(runner("w1"), runner("w2"));
    assertThat(status(id)).isEqualTo("FAILED");
    String error = jobs.progress(id).orElseThrow().error();
    assertThat(error)
        .contains(txt.toRealPath().toString())
        .contains("this worker's copy differs from the submitted one (SHA-256 of bytes 1,994–2,991")
        .contains("job " + id);
    assertThat(out).doesNotExist();
    // the refusal comes before any indexing: no partial filter of that piece was written
    assertThat(root.resolve("changed.ngrams.part2")).doesNotExist();
  }
}
