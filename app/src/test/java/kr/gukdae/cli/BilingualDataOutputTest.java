package kr.gukdae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gukdae.app.data.DataRegistry;
import kr.gukdae.app.data.TrainingFiles;
import kr.gukdae.app.stage.SeparateLedger;
import kr.gukdae.data.DataJson;
import kr.gukdae.data.registry.Fields;
import kr.gukdae.testing.InProcessLauncher;
import kr.gukdae.testing.InProcessLauncher.Run;
import kr.gukdae.testing.LineRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The data commands (commitments and proofs, contamination audit, quality), the registry's
 * Croissant export, benchmark downloads, the ledger's export and key commands, and account
 * creation, in both languages under the line rule, on their way to success and to a refusal. A
 * refusal is a {@link kr.gukdae.UserError}: exit code 2 and its line on standard error, which is
 * checked instead.
 */
class BilingualDataOutputTest extends DatabaseCommandLines {

  private static final Pattern ROOT = Pattern.compile("\\b[0-9a-f]{64}\\b");

  @Autowired DataRegistry registry;

  @TempDir Path dir;

  @Test
  void commitmentsProofsClaimsAndTheSummary() throws Exception {
    List<String> data = new ArrayList<>(TrainingFiles.WORDS);
    data.addAll(List.of("bd-team-ko", "bd-team-en", "ko.jsonl", "en.txt", "kmmlu"));
    String root = "";
    TrainingFiles files = null;
    for (String lang : List.of("ko", "en")) {
      registry.addTeam("bd-team-" + lang, false);
      files = TrainingFiles.write(dir.resolve(lang), "bd-team-" + lang);
      String out =
          once(
              lang,
              data,
              "data",
              "commit",
              "--manifest",
              files.manifest().toString(),
              "--data",
              files.shards().toString());
      Matcher m = ROOT.matcher(out);
      assertThat(m.find()).as(out).isTrue();
      root = m.group();
    }
    String manifest = files.manifest().toString();
    String shards = files.shards().toString();
    Path proof = dir.resolve("proof.json");
    check(
        data,
        OK,
        "data",
        "prove",
        "--manifest",
        manifest,
        "--shard",
        "en.txt",
        "--out",
        "" + proof);
    check(
        data,
        REFUSED,
        "data",
        "prove",
        "--manifest",
        manifest,
        "--shard",
        "kmmlu",
        "--out",
        "" + proof);
    check(data, OK, "data", "verify-proof", "--proof", proof.toString(), "--root", root);
    check(data, NO, "data", "verify-proof", "--proof", proof.toString(), "--root", "0".repeat(64));
    check(data, OK, "data", "claim", "--team", "bd-team-en", "--root", root, "--dataset", "web");
    check(data, NO, "data", "claim", "--team", "bd-team-en", "--root", root, "--dataset", "kmmlu");
    String none = "0".repeat(64);
    check(
        data, REFUSED, "data", "claim", "--team", "bd-team-en", "--root", none, "--dataset", "web");
    check(data, OK, "data", "summary", "--manifest", manifest);

    // a manifest committed again; a shard changed after its manifest was written; a manifest of a
    // team nobody registered
    Path ko = dir.resolve("ko");
    check(
        data,
        REFUSED,
        "data",
        "commit",
        "--manifest",
        "" + ko.resolve("manifest.json"),
        "--data",
        "" + ko.resolve("shards"));
    Files.writeString(files.shards().resolve("en.txt"), "tampered\n");
    check(data, REFUSED, "data", "commit", "--manifest", manifest, "--data", shards);
    TrainingFiles stranger = TrainingFiles.write(dir.resolve("stranger"), "bd-nobody");
    check(
        List.of("bd-nobody"),
        REFUSED,
        "data",
        "commit",
        "--manifest",
        stranger.manifest().toString(),
        "--data",
        stranger.shards().toString());
  }

  @Test
  void ngramsAndTheContaminationAudit() throws Exception {
    TrainingFiles files = TrainingFiles.write(dir, "bd-grams");
    Path run = TrainingFiles.evalRun(dir.resolve("run"));
    Path grams = dir.resolve("team.ngrams");
    List<String> data = List.of("mixed", "gpt3", "palm", "nori-1", "nori-2", "bogus");
    String ko = files.shards().resolve("ko.jsonl").toString();
    String en = files.shards().resolve("en.txt").toString();
    check(data, OK, "data", "ngrams", "--log2-bits", "20", "--out", grams.toString(), ko, en);
    check(data, REFUSED, "data", "ngrams", "--normaliser", "bogus", "--out", grams + ".x", ko);
    check(data, OK, "data", "audit", "--run", run.toString(), "--ngrams", grams.toString());
    check(
        data,
        REFUSED,
        "data",
        "audit",
        "--run",
        "" + run,
        "--ngrams",
        "" + grams,
        "--method",
        "bogus");
    check(
        data,
        REFUSED,
        "data",
        "audit",
        "--run",
        "" + run,
        "--ngrams",
        "" + grams,
        "--method",
        "palm");
  }

  @Test
  void qualityChecksRecordedAndNot() throws Exception {
    registry.addSupplier("bd-lab", "bd-lab", false);
    String phone = "{\"text\":\"연락처는 010-1234-5678 입니다\"}\n";
    Path dirty = Files.writeString(dir.resolve("dirty.jsonl"), phone);
    // the phone number again (a finding that remains), twice (an exact duplicate), and new ones:
    // an e-mail address, an empty row, a row mostly symbols
    Path worse =
        Files.writeString(
            dir.resolve("worse.jsonl"),
            phone
                + phone
                + "{\"text\":\"메일은 someone@example.com 으로 보내세요\"}\n"
                + "{\"text\":\"\"}\n"
                + "{\"text\":\"#### @@@@ $$$$ %%%% ^^^^ &&&& **** 표\"}\n");
    Path clean = Files.writeString(dir.resolve("clean.jsonl"), "{\"text\":\"보통 문장입니다 여기에\"}\n");
    List<String> data = List.of("bd-q-ko", "bd-q-en", "v1");
    check(data, NO, "data", "quality", "--file", dirty.toString());
    check(data, NO, "data", "quality", "--file", worse.toString());
    check(data, OK, "data", "quality", "--file", clean.toString());
    check(data, REFUSED, "data", "quality", "--file", clean.toString(), "--dataset", "bd-q-en");
    for (String lang : List.of("ko", "en")) {
      String id = "bd-q-" + lang;
      registry.addDataset(Fields.entry("test", "bd-lab", dataset(id)));
      registry.addVersion(new DataRegistry.Version(id, "v1", 100, 1, null, null, false));
      String[] round = {"data", "quality", "--dataset", id, "--version", "v1", "--file", ""};
      round[7] = dirty.toString();
      LineRule.checkOne("quality round 1", lang, run(lang, NO, round).out(), data);
      round[7] = worse.toString();
      String second = run(lang, NO, round).out();
      LineRule.checkOne("quality round 2", lang, second, data);
      // the diff from round 1: a finding that remains and new ones
      assertThat(second).contains(lang.equals("ko") ? "= 남음" : "= remains");
      assertThat(second).contains(lang.equals("ko") ? "+ 새로 생김" : "+ new");
      round[7] = clean.toString();
      assertThat(once(lang, data, round)).contains(lang.equals("ko") ? "- 고침" : "- fixed");
    }
  }

  @Test
  void croissantExport() throws Exception {
    registry.addSupplier("bd-cr-sup", "bd-cr-sup", false);
    registry.addDataset(Fields.entry("test", "bd-cr-sup", dataset("bd-cr")));
    registry.addVersion(new DataRegistry.Version("bd-cr", "v1", 600, 60, null, null, true));
    // The JSON-LD document is the same file in both languages; only the lines around it change.
    String ko = run("ko", OK, "registry", "croissant", "--dataset", "bd-cr").out();
    assertThat(ko).isEqualTo(run("en", OK, "registry", "croissant", "--dataset", "bd-cr").out());
    assertThat(DataJson.MAPPER.readTree(ko).path("name").asText()).isEqualTo("bd-cr");
    Path out = dir.resolve("bd-cr.json");
    check(List.of("bd-cr"), OK, "registry", "croissant", "--dataset", "bd-cr", "--out", "" + out);
    assertThat(out).exists();
    check(List.of("bd-none"), REFUSED, "registry", "croissant", "--dataset", "bd-none");
  }

  @Test
  void datasets() {
    // In this order: the command is one object for the context's life, and picocli takes the
    // values its options have when a command line is built as their defaults, so an option given
    // once stays set in later runs until given again (as in no process a user starts).
    check(List.of(), REFUSED, "datasets");
    Path tasks = dir.resolve("kmmlu");
    check(List.of(), OK, "datasets", "--kmmlu-tasks", tasks.toString());
    check(List.of(), OK, "datasets", "--kmmlu-tasks", tasks.toString(), "--hard");
    assertThat(tasks.resolve("kmmlu_hard_korean_history.yaml")).exists();
    check(List.of("not a repo"), REFUSED, "datasets", "--download", "not a repo", "README.md");
    check(List.of("bd/set"), REFUSED, "datasets", "--download", "bd/set", "../outside.csv");
  }

  @Test
  void auditExport() {
    check(List.of(), OK, "audit", "export", "--to", dir.resolve("ledger.jsonl").toString());
    check(
        List.of(),
        REFUSED,
        "audit",
        "export",
        "--to",
        dir.resolve("no/such/folder/x.jsonl").toString());
  }

  @Test
  void accounts() {
    String password = passwordVariable();
    List<String> data = List.of("bd-acc-ko", "bd-acc-en", "bd-arena-ko", "bd-arena-en", "wizard");
    for (String lang : List.of("ko", "en")) {
      String created =
          once(
              lang,
              data,
              "account",
              "--username",
              "bd-acc-" + lang,
              "--role",
              "office,reviewer",
              "--password-env",
              password);
      // the roles as the pages name them, in the run's language
      assertThat(created).contains(lang.equals("ko") ? "사무국, 심사위원" : "office, reviewer");
      once(
          lang,
          data,
          "arena-account",
          "--username",
          "bd-arena-" + lang,
          "--password-env",
          password);
    }
    check(
        data,
        REFUSED,
        "account",
        "--username",
        "bd-acc-ko",
        "--role",
        "voter",
        "--password-env",
        password);
    check(
        data,
        REFUSED,
        "account",
        "--username",
        "bd-x",
        "--role",
        "wizard",
        "--password-env",
        password);
    check(
        data,
        REFUSED,
        "account",
        "--username",
        "bd-x",
        "--role",
        "team",
        "--password-env",
        password);
    check(
        data,
        REFUSED,
        "account",
        "--username",
        "bd-x",
        "--role",
        "voter",
        "--password-env",
        "BD_NONE");
    check(data, REFUSED, "arena-account", "--username", "bd-x", "--role", "wizard");
  }

  /**
   * Init, rotate and checkpoint on ledgers of their own, one per language: the shared context's
   * ledger stays signed by the key every other test signs with.
   */
  @Test
  void ledgerKeysAndCheckpoints() {
    for (String lang : List.of("ko", "en")) {
      SeparateLedger ledger = new SeparateLedger(dir.resolve("ledger-" + lang));
      List<String> data = List.of();
      ledger(lang, ledger, 2, data, "ledger", "checkpoint"); // empty, no key yet
      ledger(lang, ledger, 0, data, "ledger", "init");
      assertThat(ledger.keyFile()).exists();
      ledger(lang, ledger, 2, data, "ledger", "init"); // signed already
      ledger(lang, ledger, 0, data, "ledger", "rotate");
      ledger(lang, ledger, 0, data, "ledger", "checkpoint");
      assertThat(ledger.anchors()).isDirectoryContaining("glob:**checkpoint-*.json");
    }
  }

  /** {@code gukdae ledger ...} over a ledger of its own, checked in one language. */
  private void ledger(
      String lang, SeparateLedger ledger, int code, List<String> data, String... args) {
    Locale.setDefault(Locale.Category.DISPLAY, Locale.forLanguageTag(lang));
    Run run =
        InProcessLauncher.capture(() -> Launcher.tree(List.of(ledger.command())).execute(args));
    assertThat(run.code()).as(run.err() + run.out()).isEqualTo(code);
    String printed = code == 0 ? run.out() : run.err();
    assertThat(printed).as(String.join(" ", args)).isNotBlank();
    LineRule.checkOne(String.join(" ", args), lang, printed, data);
  }

  /**
   * The account commands read the password from the environment variable that {@code
   * --password-env} names, and a test cannot set its own JVM's environment: any variable already
   * set, of a length a password may have, serves.
   */
  private static String passwordVariable() {
    return System.getenv().entrySet().stream()
        .filter(e -> e.getKey().matches("[A-Z_]+"))
        .filter(e -> e.getValue().length() >= 10 && e.getValue().length() <= 200)
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst()
        .orElseThrow(() -> new AssertionError("no environment variable of 10-200 characters"));
  }

  /** A dataset's registry fields, short: its id is its title. */
  private static Map<String, String> dataset(String id) {
    return Map.ofEntries(
        Map.entry("id", id),
        Map.entry("title", id),
        Map.entry("licence", "cc-by"),
        Map.entry("modality", "text"),
        Map.entry("rightsBasis", "contract"),
        Map.entry("usageWho", "teams"),
        Map.entry("usagePurpose", "training"),
        Map.entry("commercial", "false"),
        Map.entry("termStart", "2026-01-01"),
        Map.entry("termEnd", "2099-12-31"),
        Map.entry("priceKrw", "1000"),
        Map.entry("provenance", "archive"),
        Map.entry("governmentFunded", "false"));
  }
}
