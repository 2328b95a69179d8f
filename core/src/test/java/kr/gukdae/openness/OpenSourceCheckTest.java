package kr.gukdae.openness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.text.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSourceCheckTest {

  @Test
  void levelComesFromTheRepositoryAndOnlyChangesAreRecorded(@TempDir Path repo) throws Exception {
    Ledger ledger = Ledger.inMemory();
    assertThat(OpenSourceCheck.inspect(repo).level()).isEqualTo(OpenLevel.CLOSED);
    Files.writeString(repo.resolve("README.md"), "---\nlicense: cc-by-nc-4.0\n---\n# model\n");
    Files.write(repo.resolve("model-00001.safetensors"), new byte[] {1});
    var research = OpenSourceCheck.inspect(repo);
    assertThat(research.level()).isEqualTo(OpenLevel.RESEARCH_ONLY);
    assertThat(research.reasons().getFirst())
        .isEqualTo(
            new Reason(
                "LICENCE",
                "라이선스: cc-by-nc-4.0 (상업 이용 불가)",
                "licence: cc-by-nc-4.0 (no commercial use)"));
    assertThat(OpenLevelHistory.record(ledger, "hanbit", LocalDate.of(2026, 1, 15), research))
        .isNotNull();
    assertThat(OpenLevelHistory.record(ledger, "hanbit", LocalDate.of(2026, 2, 1), research))
        .isNull();

    Files.writeString(repo.resolve("README.md"), "---\nlicense: apache-2.0\n---\n");
    assertThat(OpenSourceCheck.inspect(repo).level()).isEqualTo(OpenLevel.OPEN_WEIGHTS_COMMERCIAL);
    Files.writeString(repo.resolve("train.py"), "print(1)\n");
    Files.writeString(repo.resolve("datasheet.md"), "# data\n");
    var full = OpenSourceCheck.inspect(repo);
    assertThat(full.level()).isEqualTo(OpenLevel.FULL_OPEN);
    var change = OpenLevelHistory.record(ledger, "hanbit", LocalDate.of(2026, 7, 1), full);
    assertThat(change.from()).isEqualTo(OpenLevel.RESEARCH_ONLY);
    assertThat(OpenLevelHistory.history(ledger, "hanbit")).hasSize(2);
    assertThat(OpenLevelHistory.current(ledger, "hanbit")).isEqualTo(OpenLevel.FULL_OPEN);
  }

  /** A change recorded before reasons were bilingual, exactly as it was stored, still reads. */
  @Test
  void aChangeRecordedWithEnglishReasonsReadsBackInItsOwnWords() {
    Ledger ledger = Ledger.inMemory();
    ledger.appendJson(
        OpenLevelHistory.KIND,
        "{\"change\":{\"checkedOn\":\"2026-01-15\",\"from\":null,\"reasons\":"
            + "[\"licence: cc-by-nc-4.0 (no commercial use)\","
            + "\"1 weight file(s), 0 code file(s), 0 data file(s)\"],"
            + "\"team\":\"hanbit\",\"to\":\"RESEARCH_ONLY\"},"
            + "\"finding\":{\"codeFiles\":0,\"commercialUse\":false,\"dataFiles\":0,"
            + "\"level\":\"RESEARCH_ONLY\",\"licence\":\"cc-by-nc-4.0\",\"reasons\":"
            + "[\"licence: cc-by-nc-4.0 (no commercial use)\","
            + "\"1 weight file(s), 0 code file(s), 0 data file(s)\"],\"weightFiles\":1}}");
    var h = OpenLevelHistory.history(ledger, "hanbit");
    assertThat(h).hasSize(1);
    assertThat(h.getFirst().to()).isEqualTo(OpenLevel.RESEARCH_ONLY);
    assertThat(h.getFirst().reasons())
        .containsExactly(
            Reason.recorded("licence: cc-by-nc-4.0 (no commercial use)"),
            Reason.recorded("1 weight file(s), 0 code file(s), 0 data file(s)"));
    assertThat(OpenLevelHistory.current(ledger, "hanbit")).isEqualTo(OpenLevel.RESEARCH_ONLY);
  }

  @Test
  void unrecognisedLicenceTextNeverRaisesTheLevel(@TempDir Path repo) throws Exception {
    Files.writeString(repo.resolve("LICENSE"), "You may use this model as we see fit.\n");
    Files.write(repo.resolve("w.safetensors"), new byte[] {1});
    var f = OpenSourceCheck.inspect(repo);
    assertThat(f.level()).isEqualTo(OpenLevel.RESEARCH_ONLY);
    assertThat(f.licence()).isEqualTo("unrecognised");
  }
}
