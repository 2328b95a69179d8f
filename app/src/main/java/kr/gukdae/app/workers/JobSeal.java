package kr.gukdae.app.workers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Pseudonyms;
import org.jspecify.annotations.Nullable;

/**
 * Seals a piece's stored result to the job and piece it belongs to, so the join notices a result
 * edited in the database after a worker computed it. A plain SHA-256 next to the result would not
 * do: whoever can edit the row can recompute it. The seal is an HMAC-SHA256 under a key derived
 * from the server secret ({@code gukdae.secret}, else {@code <gukdae.home>/secret.key}), which is
 * not in the database; every worker and the web server need the same secret. It covers the job id,
 * the piece number, and the SHA-256 of the piece's spec and of its result. Format: {@code
 * hmac-sha256:<key id>:<hex>}; the key id (SHA-256 of the derived key, 12 hex digits) tells a
 * worker with another secret apart from an edit.
 */
final class JobSeal {

  /** The piece number under which a job's joined result is sealed. */
  static final int RESULT = -1;

  /**
   * The piece number under which one sample of a distributed eval run is sealed; its task and doc
   * id take the spec's place, so a record moved to another doc or task no longer matches.
   */
  static final int SAMPLE = -2;

  private static final String SCHEME = "hmac-sha256";
  private static final String NOT_JOINED = ". 결과를 합치지 않습니다. 작업을 다시 제출하세요";
  private static final String NOT_JOINED_EN = "; the result is not joined, submit the job again";
  private static final String NOTHING_RUN = ". 아무것도 실행하지 않았습니다. 작업을 다시 제출하세요";
  private static final String NOTHING_RUN_EN = "; nothing was run, submit the job again";

  private final SecretKeySpec key;
  private final String keyId;

  private JobSeal(byte[] secret) {
    byte[] derived = mac(new SecretKeySpec(secret, "HmacSHA256"), "gukdae work_shard seal v1");
    this.key = new SecretKeySpec(derived, "HmacSHA256");
    this.keyId = Sha256.hex(derived).substring(0, 12);
  }

  /** The seal of this installation: the configured secret, or the one in {@code home}. */
  static JobSeal of(String configured, Path home) {
    return new JobSeal(Pseudonyms.secret(configured, home));
  }

  String keyId() {
    return keyId;
  }

  /** The seal of a piece's (or, with {@link #RESULT}, the job's) result. */
  String seal(String jobId, int pieceNo, String spec, String result) {
    String message =
        jobId + "\n" + pieceNo + "\n" + Sha256.hex(spec) + "\n" + Sha256.hex(result) + "\n";
    return SCHEME + ":" + keyId + ":" + HexFormat.of().formatHex(mac(key, message));
  }

  /** The seal of one stored sample record of run {@code runId}. */
  String sealSample(String runId, String task, int docId, String record) {
    return seal(runId, SAMPLE, sampleSpec(task, docId), record);
  }

  /** Refuses a stored sample record whose seal is missing or not the one its bytes give. */
  void checkSample(String runId, String task, int docId, String record, @Nullable String seal) {
    check(runId, SAMPLE, "task " + task + ", doc " + docId, sampleSpec(task, docId), record, seal);
  }

  private static String sampleSpec(String task, int docId) {
    return "sample\n" + task + "\n" + docId;
  }

  /**
   * The seal of a job's spec (with {@link #RESULT} as piece number, and its kind) or of a piece's
   * spec (with {@code kind} "piece" or "merge"), given at submission: a domain of its own, so no
   * spec seal is ever a result seal.
   */
  String sealSpec(String jobId, int pieceNo, String kind, String spec) {
    String message =
        "spec\n" + jobId + "\n" + pieceNo + "\n" + kind + "\n" + Sha256.hex(spec) + "\n";
    return SCHEME + ":" + keyId + ":" + HexFormat.of().formatHex(mac(key, message));
  }

  /**
   * Refuses a spec whose seal is missing, made under another secret, or not the one these bytes
   * give, before anything of it runs; {@code what} names the job's spec or the piece.
   */
  void checkSpec(
      String jobId, int pieceNo, String what, String kind, String spec, @Nullable String seal) {
    verify(
        sealSpec(jobId, pieceNo, kind, spec),
        seal,
        new Messages(
            jobId,
            what,
            "명세에 봉인이 없습니다" + NOTHING_RUN,
            "its spec has no seal" + NOTHING_RUN_EN,
            "명세가 봉인과 맞지 않습니다 (제출 뒤 데이터베이스에서 바뀌었습니다)" + NOTHING_RUN,
            "its spec does not match its seal (it was changed in the database after submission)"
                + NOTHING_RUN_EN));
  }

  /**
   * The seal of what a piece needs of its worker, given when the piece is queued: a domain of its
   * own (no spec or result seal is ever a needs seal), bound to the job and the piece.
   */
  String sealNeeds(String jobId, int pieceNo, Capacity needs) {
    return sealNeeds(jobId, pieceNo, needs.cpus(), needs.memoryMb());
  }

  private String sealNeeds(String jobId, int pieceNo, long cpus, long memoryMb) {
    String message = "needs\n" + jobId + "\n" + pieceNo + "\n" + cpus + "\n" + memoryMb + "\n";
    return SCHEME + ":" + keyId + ":" + HexFormat.of().formatHex(mac(key, message));
  }

  /**
   * Refuses a piece whose needs are not the ones sealed when it was queued (edited, unsealed, or
   * copied from another piece with their seal), before anything of it runs.
   */
  void checkNeeds(
      String jobId, int pieceNo, String what, int cpus, long memoryMb, @Nullable String seal) {
    String has = " (" + Capacity.describe(cpus, memoryMb) + ")";
    verify(
        sealNeeds(jobId, pieceNo, cpus, memoryMb),
        seal,
        new Messages(
            jobId,
            what,
            "필요 자원" + has + "에 봉인이 없습니다" + NOTHING_RUN,
            "its needs" + has + " have no seal" + NOTHING_RUN_EN,
            "필요 자원" + has + "이 봉인과 맞지 않습니다 (제출 뒤 데이터베이스에서 바뀌었습니다)" + NOTHING_RUN,
            "its needs"
                + has
                + " do not match their seal (they were changed in the database after submission)"
                + NOTHING_RUN_EN));
  }

  /**
   * The seal of the endpoint a piece asks ({@code null}: none), given when the piece is queued: a
   * domain of its own, bound to the job and the piece, so an endpoint moved, swapped with another
   * piece's (seal and all) or removed in the database is told apart.
   */
  String sealEndpoint(String jobId, int pieceNo, @Nullable String endpoint) {
    String named = endpoint == null ? "none" : "url " + endpoint;
    String message = "endpoint\n" + jobId + "\n" + pieceNo + "\n" + named + "\n";
    return SCHEME + ":" + keyId + ":" + HexFormat.of().formatHex(mac(key, message));
  }

  /**
   * Refuses a piece whose endpoint is not the one sealed when it was queued (edited, NULLed,
   * unsealed, or copied from another piece with its seal), before anything of it runs: the endpoint
   * decides which workers take the piece and whose permits and API key it uses. A piece queued
   * before endpoint seals (V980) has none and is refused the same way.
   */
  void checkEndpoint(
      String jobId, int pieceNo, String what, @Nullable String endpoint, @Nullable String seal) {
    String ko = " (" + (endpoint == null ? "없음" : endpoint) + ")";
    String en = " (" + (endpoint == null ? "none" : endpoint) + ")";
    verify(
        sealEndpoint(jobId, pieceNo, endpoint),
        seal,
        new Messages(
            jobId,
            what,
            "엔드포인트" + ko + "에 봉인이 없습니다 (이 버전 이전에 대기열에 들어갔거나 봉인이 지워졌습니다)" + NOTHING_RUN,
            "its endpoint"
                + en
                + " has no seal (it was queued before this version, or its seal was removed)"
                + NOTHING_RUN_EN,
            "엔드포인트" + ko + "가 봉인과 맞지 않습니다 (제출 뒤 데이터베이스에서 바뀌었습니다)" + NOTHING_RUN,
            "its endpoint"
                + en
                + " does not match its seal (it was changed in the database after submission)"
                + NOTHING_RUN_EN));
  }

  /**
   * Refuses a result whose seal is missing, made under another secret, or not the one these bytes
   * give; {@code what} names the piece in the error (e.g. "piece 3 (rows 1–40)").
   */
  void check(
      String jobId, int pieceNo, String what, String spec, String result, @Nullable String seal) {
    verify(
        seal(jobId, pieceNo, spec, result),
        seal,
        new Messages(
            jobId,
            what,
            "봉인이 없습니다" + NOT_JOINED,
            "it has no seal" + NOT_JOINED_EN,
            "저장된 결과가 봉인과 맞지 않습니다 (계산된 뒤 데이터베이스에서 바뀌었습니다)" + NOT_JOINED,
            "its stored result does not match its seal (it was changed in the database after it"
                + " was computed)"
                + NOT_JOINED_EN));
  }

  /**
   * What a refused check says, naming the job and {@code what} of it was checked: when the seal is
   * missing ({@code noSeal}) and when it does not match ({@code edited}).
   */
  private record Messages(
      String jobId, String what, String noSeal, String noSealEn, String edited, String editedEn) {}

  /**
   * The one check every seal goes through: a missing seal is refused, a seal under another secret
   * is a setup error ({@link #requireKey}), and any other seal must equal {@code expected}
   * (compared in constant time).
   */
  private void verify(String expected, @Nullable String seal, Messages m) {
    if (seal == null || seal.isBlank()) {
      throw refused(m.jobId(), m.what(), m.noSeal(), m.noSealEn());
    }
    requireKey(m.jobId(), m.what(), seal);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), seal.getBytes(StandardCharsets.UTF_8))) {
      throw refused(m.jobId(), m.what(), m.edited(), m.editedEn());
    }
  }

  /** A seal made under another secret is a setup error, not an edit: say so. */
  private void requireKey(String jobId, String what, String seal) {
    String[] parts = seal.split(":", 3);
    if (parts.length == 3 && parts[0].equals(SCHEME) && !parts[1].equals(keyId)) {
      String where = "job " + jobId + ", " + what + ": ";
      throw UserError.of(
          where
              + "다른 서버 비밀값(키 "
              + parts[1]
              + ")으로 봉인되었는데 이 프로세스의 키는 "
              + keyId
              + "입니다. 모든 워커와 웹 서버에 같은 gukdae.secret(또는 같은 secret.key 파일)을 주세요",
          where
              + "sealed under another server secret (key "
              + parts[1]
              + ") but this process's key is "
              + keyId
              + "; give every worker and the web server the same gukdae.secret (or the same"
              + " secret.key file)");
    }
  }

  private static UserError refused(String jobId, String what, String ko, String en) {
    String where = "job " + jobId + ", " + what + ": ";
    return UserError.of(where + ko, where + en);
  }

  private static byte[] mac(SecretKeySpec key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 missing from this JDK", e);
    }
  }
}
