import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.ledger.OfficeKey;
import kr.gukdae.report.Lang;
import kr.gukdae.report.Reports;
import kr.gukdae.stage.EvidenceLoader;
import kr.gukdae.stage.ProgramLoader;
import kr.gukdae.stage.StageResult;
import kr.gukdae.stage.Stages;

/** Times the stage pipeline's parts on the demo programme (no speed target; figures for docs). */
public class StageBench {
  static void fill(Ledger ledger, int n) {
    for (int i = 0; i < n; i++) {
      ledger.append("evidence", Map.of("team", "t" + (i % 5), "benchmark", "b" + i, "score", i * 0.5));
    }
  }

  public static void main(String[] args) throws Exception {
    int n = 20_000;
    int single = 2_000; // one Ed25519 signature per append: fewer, or this part alone takes minutes
    // Today's unsigned chain and the signed one, same payloads, same run. A stage run appends its
    // 127 entries as one batch, signed once at its end; single appends are signed one by one.
    OfficeKey key = OfficeKey.generate();
    var pinned = new Ledger.Trust(List.of(key.publicKey()), List.of(), null);
    for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT; the second is reported
      Ledger plain = Ledger.inMemory();
      Ledger batched = Ledger.inMemory().signedBy(key, null);
      Ledger signed = Ledger.inMemory().signedBy(key, null);
      long a0 = System.nanoTime();
      fill(plain, n);
      long a1 = System.nanoTime();
      for (int b = 0; b < n / 125; b++) {
        int base = b * 125;
        batched.appendAll(seq -> {
          List<Ledger.Draft> drafts = new java.util.ArrayList<>();
          for (int i = base; i < base + 125; i++) {
            drafts.add(new Ledger.Draft("evidence", Map.of("team", "t" + (i % 5), "benchmark", "b" + i, "score", i * 0.5)));
          }
          return drafts;
        });
      }
      long a2 = System.nanoTime();
      fill(signed, single);
      long a3 = System.nanoTime();
      var vp = plain.verify();
      long a4 = System.nanoTime();
      var vb = Ledger.verifyWith(batched.entries(), pinned);
      long a5 = System.nanoTime();
      var vs = Ledger.verifyWith(signed.entries(), pinned);
      long a6 = System.nanoTime();
      if (pass == 0) {
        continue;
      }
      System.out.printf("append unsigned           : %,6d entries in %6.0f ms = %,9.0f entries/s%n", n, (a1 - a0) / 1e6, n / ((a1 - a0) / 1e9));
      System.out.printf("append signed, batches 125: %,6d entries in %6.0f ms = %,9.0f entries/s (one Ed25519 signature per batch)%n", n, (a2 - a1) / 1e6, n / ((a2 - a1) / 1e9));
      System.out.printf("append signed, one by one : %,6d entries in %6.0f ms = %,9.0f entries/s (one signature per entry)%n", single, (a3 - a2) / 1e6, single / ((a3 - a2) / 1e9));
      System.out.printf("verify unsigned           : %,6d entries in %6.0f ms = %,9.0f entries/s, intact=%s%n", n, (a4 - a3) / 1e6, n / ((a4 - a3) / 1e9), vp.intact());
      System.out.printf("verify signed, batches 125: %,6d entries in %6.0f ms = %,9.0f entries/s, intact=%s%n", vb.entries(), (a5 - a4) / 1e6, vb.entries() / ((a5 - a4) / 1e9), vb.intact());
      System.out.printf("verify signed, one by one : %,6d entries in %6.0f ms = %,9.0f entries/s, intact=%s%n", vs.entries(), (a6 - a5) / 1e6, vs.entries() / ((a6 - a5) / 1e9), vs.intact());
      Path file = Files.createTempFile("ledger", ".jsonl");
      batched.exportTo(file);
      long t3 = System.nanoTime();
      var vf = Ledger.verifyFileWith(file, pinned);
      System.out.printf("verify signed export file : %,6d entries in %6.0f ms, intact=%s%n", vf.entries(), (System.nanoTime() - t3) / 1e6, vf.intact());
      Files.delete(file);
    }
    var program = ProgramLoader.demo();
    var evidence = EvidenceLoader.demo();
    StageResult r = null;
    for (int i = 0; i < 20; i++) r = Stages.evaluate(program, 1, evidence); // warm-up
    long t4 = System.nanoTime();
    for (int i = 0; i < 100; i++) r = Stages.evaluate(program, 1, evidence);
    System.out.printf("stage evaluate : %.2f ms per decision (5 teams, 125 evidence records)%n", (System.nanoTime() - t4) / 1e6 / 100);
    Ledger l2 = Ledger.inMemory().signedBy(key, null);
    Stages.run(program, 1, evidence, l2);
    long t5 = System.nanoTime();
    for (int i = 0; i < 20; i++) Stages.replay(l2, 1);
    System.out.printf("stage replay   : %.2f ms per replay from the ledger%n", (System.nanoTime() - t5) / 1e6 / 20);
    Ledger l3 = Ledger.inMemory().signedBy(key, null);
    Stages.run(program, 1, evidence, l3); // warm-up
    long t7 = System.nanoTime();
    for (int i = 0; i < 20; i++) Stages.run(program, 1, evidence, l3);
    System.out.printf("stage run      : %.2f ms per signed run (decide + 127 signed entries in one batch)%n", (System.nanoTime() - t7) / 1e6 / 20);
    for (int i = 0; i < 3; i++) Reports.publicPdf(r, program.disclosure(), Lang.KO, null);
    long t6 = System.nanoTime();
    for (int i = 0; i < 10; i++) Reports.teamPdf(r, "hanbit", Lang.KO, null);
    System.out.printf("team PDF       : %.1f ms per report (Korean font subset embedded)%n", (System.nanoTime() - t6) / 1e6 / 10);
  }
}
