package kr.gukdae.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import kr.gukdae.UserError;
import kr.gukdae.data.ngram.NgramFilter;
import kr.gukdae.testing.InProcessLauncher;
import kr.gukdae.testing.InProcessLauncher.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The data commands end to end on generated files and a real (H2) database. */
class DataCommandTest {

  @TempDir Path dir;

  /** {@code command ARGS}; an exception it throws is rethrown here (the test sees the cause). */
  static Run run(Object command, String... args) {
    Exception[] failure = new Exception[1];
    Run run =
        InProcessLauncher.capture(() ->
            new CommandLine(command)
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                  failure[0] = e;
                  return 2;
                })
                .execute(args));
    if (failure[0] instanceof RuntimeException e) {
      throw e;
    }
    return run;
  }

  @Test
  void commitProveClaimAuditAndQualityFromTheCommandLine() throws Exception {
    var db = DataRegistryTest.open("h2");
    var data =
        new DataCommand(
            db.commitments(),
            db.registry(),
            new QualityStore(db.jdbc(), db.registry()),
            new kr.gukdae.app.eval.EvalStore(db.jdbc()));
    var registry = new RegistryCommand(db.registry());
    assertThat(run(registry, "team", "--id", "hanbit").code()).isZero();

    // Training shards with two benchmark items planted in them.
    TrainingFiles files = TrainingFiles.write(dir, "hanbit");
    Path shards = files.shards();
    Path m = files.manifest();
    String manifest = Files.readString(m);

    Run commit = run(data, "commit", "--manifest", m.toString(), "--data", shards.toString());
    assertThat(commit.code()).isZero();
    String root = commit.out().replaceAll("(?s).*root ([0-9a-f]{64}).*", "$1");
    assertThat(db.ledger().entries()).hasSize(1);

    Path proof = dir.resolve("proof.json");
    assertThat(
            run(
                    data,
                    "prove",
                    "--manifest",
                    m.toString(),
                    "--shard",
                    "en.txt",
                    "--out",
                    proof.toString())
                .code())
        .isZero();
    assertThat(run(data, "verify-proof", "--proof", proof.toString(), "--root", root).out())
        .startsWith("VERIFIED");
    assertThat(
            run(data, "verify-proof", "--proof", proof.toString(), "--root", "0".repeat(64)).code())
        .isEqualTo(1);
    assertThat(run(data, "claim", "--team", "hanbit", "--root", root, "--dataset", "web").out())
        .startsWith("SUPPORTED");
    assertThat(run(data, "claim", "--team", "hanbit", "--root", root, "--dataset", "kmmlu").code())
        .isEqualTo(1);
    assertThat(run(data, "summary", "--manifest", m.toString()).out())
        .contains("data crawled and scraped");

    // A shard changed after the manifest was written: refused, the ledger unchanged.
    Files.writeString(shards.resolve("en.txt"), "tampered\n");
    Path m2 = dir.resolve("m2.json");
    Files.writeString(m2, manifest.replace("\"v1\"", "\"v2\""));
    assertThatThrownBy(
            () -> run(data, "commit", "--manifest", m2.toString(), "--data", shards.toString()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("en.txt has");
    assertThat(db.ledger().entries()).hasSize(1);

    // Contamination: the team hashes its text; gukdae audits an eval run against it.
    Files.writeString(
        shards.resolve("en.txt"), "Some web page. " + TrainingFiles.ENGLISH_ITEM + ". Footer\n");
    Path grams = dir.resolve("hanbit.ngrams");
    assertThat(
            run(
                    data,
                    "ngrams",
                    "--n",
                    "13",
                    "--log2-bits",
                    "20",
                    "--out",
                    grams.toString(),
                    shards.resolve("ko.jsonl").toString(),
                    shards.resolve("en.txt").toString())
                .code())
        .isZero();
    Path runDir = TrainingFiles.evalRun(dir.resolve("run"));
    Run audit = run(data, "audit", "--run", runDir.toString(), "--ngrams", grams.toString());
    assertThat(audit.out())
        .contains("2 of 4 items contaminated (50.0%)")
        .contains("clean {acc=0.0}");
    assertThatThrownBy(() ->
            run(
                data,
                "audit",
                "--run",
                runDir.toString(),
                "--ngrams",
                grams.toString(),
                "--method",
                "palm"))
        .hasMessageContaining("n=13")
        .hasMessageContaining("--n 8");
    // The default is nori-2 (each word alone); nori-1 stays selectable. The audit takes the
    // normaliser from the file's header and finds the same items with either.
    assertThat(NgramFilter.read(grams).params().normaliser()).isEqualTo("nori-2");
    Path grams1 = dir.resolve("hanbit-1.ngrams");
    assertThat(
            run(
                    data,
                    "ngrams",
                    "--normaliser",
                    "nori-1",
                    "--log2-bits",
                    "20",
                    "--out",
                    grams1.toString(),
                    shards.resolve("ko.jsonl").toString(),
                    shards.resolve("en.txt").toString())
                .code())
        .isZero();
    assertThat(NgramFilter.read(grams1).params().normaliser()).isEqualTo("nori-1");
    assertThat(run(data, "audit", "--run", runDir.toString(), "--ngrams", grams1.toString()).out())
        .contains("2 of 4 items contaminated (50.0%)");
    assertThatThrownBy(() ->
            run(
                data,
                "audit",
                "--run",
                runDir.toString(),
                "--ngrams",
                grams1.toString(),
                "--normaliser",
                "nori-2"))
        .hasMessageContaining("nori-1");

    // Quality: two rounds of a registered version, the second shows the diff.
    db.registry().addSupplier("hanbit-lab", "Hanbit lab", false);
    db.registry()
        .addDataset(
            kr.gukdae.data.registry.Fields.entry(
                "t", "hanbit-lab", DataRegistryTest.fields("built")));
    db.registry()
        .addVersion(new DataRegistry.Version("built", "v1", 100, 3, null, "hanbit", false));
    Path v1 = dir.resolve("v1.jsonl");
    Files.writeString(v1, "{\"text\":\"연락처는 010-1234-5678 입니다\"}\n{\"text\":\"보통 문장입니다 여기에\"}\n");
    assertThat(
            run(data, "quality", "--file", v1.toString(), "--dataset", "built", "--version", "v1")
                .code())
        .isEqualTo(1);
    Files.writeString(v1, "{\"text\":\"연락처는 지웠습니다\"}\n{\"text\":\"보통 문장입니다 여기에\"}\n");
    Run second =
        run(data, "quality", "--file", v1.toString(), "--dataset", "built", "--version", "v1");
    assertThat(second.code()).isZero();
    assertThat(second.out())
        .contains("correction round 1 -> 2: failed -> passed")
        .contains("- fixed     ")
        .contains("phone 010-****");
  }
}
