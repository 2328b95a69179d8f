package kr.gukdae.app.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.Terminal;
import kr.gukdae.ledger.Checkpoint;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.OfficeKey;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gukdae ledger init|rotate|checkpoint}: the office key and the published checkpoints. */
@Component
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "The audit ledger's office key (Ed25519) and signed head checkpoints.")
public class LedgerCommand implements GukdaeCommand {

  @Spec @Nullable CommandSpec spec;

  private final Ledger ledger;
  private final LedgerConfig.LedgerFiles files;

  LedgerCommand(Ledger ledger, LedgerConfig.LedgerFiles files) {
    this.ledger = ledger;
    this.files = files;
  }

  @Override
  public Integer call() {
    return GukdaeCommand.usage(spec);
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Create the office key file (owner-only, outside the database; GUKDAE_LEDGER_KEY) if missing, and record its public key in the ledger, signed by itself. Entries recorded before are covered by that signature."
      })
  int init() {
    Path keyFile = files.keyFile();
    OfficeKey key;
    if (Files.exists(keyFile)) {
      key = OfficeKey.load(keyFile);
    } else {
      key = OfficeKey.generate();
      key.save(keyFile);
      System.out.println(
          Terminal.pick(
              "키 파일을 만들었습니다: " + keyFile + " (권한 600)",
              "created key file " + keyFile + " (mode 600)"));
    }
    var entry = ledger.signedBy(key, files.anchors()).init();
    System.out.println(
        Terminal.pick(
            "사무국 키 " + key.fingerprint() + "를 원장 seq " + entry.seq() + "에 기록했습니다",
            "office key " + key.fingerprint() + " recorded at ledger seq " + entry.seq()));
    System.out.println(
        Terminal.pick(
            OfficeKey.publicFile(keyFile) + " 파일과 " + files.anchors() + " 폴더를 공개하세요",
            "publish " + OfficeKey.publicFile(keyFile) + " and the folder " + files.anchors()));
    return 0;
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = {
        "Replace the office key: a rotation entry naming the new key is signed by the old one; the old key file is kept as FILE.retired-FINGERPRINT."
      })
  int rotate() throws Exception {
    Path keyFile = files.keyFile();
    OfficeKey current = OfficeKey.load(keyFile);
    OfficeKey next = OfficeKey.generate();
    Path pending = keyFile.resolveSibling(keyFile.getFileName() + ".next");
    next.save(pending); // on disk before the ledger names it, so it is never lost
    ledger.signedBy(current, files.anchors()).rotate(next);
    Path retired =
        keyFile.resolveSibling(keyFile.getFileName() + ".retired-" + current.fingerprint());
    Files.move(keyFile, retired);
    Files.move(pending, keyFile, StandardCopyOption.ATOMIC_MOVE);
    Files.move(
        OfficeKey.publicFile(pending),
        OfficeKey.publicFile(keyFile),
        StandardCopyOption.REPLACE_EXISTING);
    System.out.println(
        Terminal.pick("사무국 키를 교체했습니다: ", "rotated office key ")
            + current.fingerprint()
            + " -> "
            + next.fingerprint());
    System.out.println(
        Terminal.pick(
            "새 " + OfficeKey.publicFile(keyFile) + " 파일을 공개하세요",
            "publish the new " + OfficeKey.publicFile(keyFile)));
    return 0;
  }

  @Command(
      name = "checkpoint",
      mixinStandardHelpOptions = true,
      description = {
        "Sign the current head and write it to the anchors folder (run it from cron for periodic checkpoints; every stage decision writes one anyway)."
      })
  int checkpoint() {
    Checkpoint c = ledger.checkpoint();
    if (c == null) {
      throw UserError.of(
          "체크포인트할 것이 없습니다: 원장이 비어 있거나 사무국 키가 없습니다",
          "nothing to checkpoint: the ledger is empty or has no office key");
    }
    System.out.println(
        Terminal.pick(
            "체크포인트 seq "
                + c.seq()
                + ", 머리 해시 "
                + c.head()
                + ", 시각 "
                + c.at()
                + ", 서명 키 "
                + c.keyId(),
            c.describe()));
    System.out.println(
        Terminal.pick("기록한 파일: ", "written to ") + files.anchors().resolve(c.fileName()));
    return 0;
  }
}
