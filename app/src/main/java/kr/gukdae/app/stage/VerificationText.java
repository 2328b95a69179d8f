package kr.gukdae.app.stage;

import kr.gukdae.cli.Terminal;
import kr.gukdae.ledger.Verification;

/** A ledger check as one line in this run's language ({@code audit verify}, {@code stage}). */
public final class VerificationText {

  private VerificationText() {}

  public static String of(Verification v) {
    if (!v.intact()) {
      return Terminal.pick(
          "원장 손상: seq " + v.brokenSeq() + "에서 끊김 (" + v.because().ko() + ")",
          "ledger BROKEN at seq " + v.brokenSeq() + ": " + v.reason());
    }
    if (v.entries() == 0) {
      return Terminal.pick(
          "원장이 비어 있음: 아직 기록된 항목이 없습니다 (기록한 적이 있다면 지워진 것이니 공개한 체크포인트로 확인하세요)",
          "ledger empty: nothing recorded yet (if entries were recorded before, they were deleted:"
              + " check against the published checkpoints)");
    }
    String head = v.headHash() == null ? "-" : v.headHash();
    StringBuilder out =
        new StringBuilder(
            Terminal.pick(
                "원장 온전함: 항목 " + v.entries() + "개, 머리 해시 " + head,
                "ledger intact: " + v.entries() + " entries, head " + head));
    if (v.activeKey() == null) {
      out.append(
          Terminal.pick(
              "; 서명 없음 ('gukdae ledger init'으로 사무국 키 서명을 시작하세요)",
              "; NOT signed (run 'gukdae ledger init' to sign it with the office key)"));
    } else {
      out.append(
          Terminal.pick(
              "; 사무국 키 서명 " + v.signedEntries() + "개, 키 " + v.activeKey(),
              "; "
                  + v.signedEntries()
                  + " covered by office-key signatures, key "
                  + v.activeKey()));
      long unsigned = v.entries() - v.signedEntries();
      if (unsigned > 0) {
        out.append(
            Terminal.pick(
                " (서명 이전 항목 " + unsigned + "개는 서명 없음)",
                " (" + unsigned + " unsigned entries from before signing)"));
      }
    }
    if (v.checkpoints() > 0) {
      out.append(
          Terminal.pick(
              "; 체크포인트 " + v.checkpoints() + "개를 모두 이어 감",
              "; extends all " + v.checkpoints() + " checkpoints"));
    }
    return out.toString();
  }
}
