package kr.gukdae.review;

import kr.gukdae.UserError;

/** A document reviewers read for a team (technical report PDF, training logs), by path and hash. */
public record Artefact(String teamId, Kind kind, String path, String sha256) {

  public enum Kind {
    TECHNICAL_REPORT,
    TRAINING_LOG,
    OTHER
  }

  public Artefact {
    if (path == null || path.isBlank() || path.length() > 500) {
      throw UserError.of(
          "팀 " + teamId + "의 산출물: path는 1~500자여야 합니다",
          "artefact of team " + teamId + ": path must be 1-500 chars");
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw UserError.of(
          "artefact " + path + ": sha256은 16진수 64자리여야 합니다",
          "artefact " + path + ": sha256 must be 64 hex digits");
    }
  }
}
