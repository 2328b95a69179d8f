package kr.gukdae.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger export or a checkpoint edited by hand is refused naming the file (and line) and the
 * field, in Korean and English, each half in its own language.
 */
class HostileLedgerFilesTest {

  @TempDir Path dir;

  @Test
  void anEditedEntryNamesTheFileLineAndField() throws Exception {
    Path file = dir.resolve("ledger.jsonl");
    Ledger ledger = Ledger.inFile(file);
    ledger.append("a", Map.of());
    ledger.append("b", Map.of());
    String text = Files.readString(file);
    Files.writeString(dir.resolve("seq.jsonl"), text.replaceFirst("\"seq\":1,", "\"seq\":0,"));
    UserError seq =
        catchThrowableOfType(
            UserError.class, () -> Ledger.verifyFile(dir.resolve("seq.jsonl"), (String) null));
    assertThat(seq.message(true)).contains("seq.jsonl line 1: seq: 1부터").contains("백업에서 복원");
    assertThat(seq.message(false))
        .contains("seq.jsonl line 1: seq: starts at 1, got 0")
        .contains("restore it from a backup");
    assertThat(UserError.hasKorean(seq.message(false))).isFalse();

    Files.writeString(
        dir.resolve("kind.jsonl"), text.replaceFirst("\"kind\":\"a\"", "\"kind\":\"\""));
    UserError kind =
        catchThrowableOfType(
            UserError.class, () -> Ledger.verifyFile(dir.resolve("kind.jsonl"), (String) null));
    assertThat(kind.message(true)).contains("kind.jsonl line 1: seq 1: kind는");
    assertThat(kind.message(false)).contains("kind.jsonl line 1: seq 1: kind must be 1-100");
  }

  @Test
  void anEditedCheckpointNamesTheFileAndFields() throws Exception {
    Path file = dir.resolve("checkpoint-1.json");
    Files.writeString(
        file,
        "{\"format\":\"gukdae-checkpoint-v1\",\"seq\":0,\"head\":\""
            + "a".repeat(64)
            + "\",\"at\":\"2026-01-01T00:00:00Z\",\"key\":\""
            + "b".repeat(64)
            + "\",\"signature\":\"x\"}");
    UserError e = catchThrowableOfType(UserError.class, () -> Checkpoint.read(file));
    assertThat(e.message(true)).contains(file.toString()).contains("seq는 1 이상");
    assertThat(e.message(false))
        .contains(file.toString())
        .contains("a checkpoint needs seq >= 1")
        .contains("fetch the checkpoint again");
    assertThat(UserError.hasKorean(e.message(false))).isFalse();
  }
}
