package kr.gukdae.app.arena;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import kr.gukdae.UserError;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The votes behind a stage's user-evaluation evidence: one voter class, one window, optionally one
 * model's battles, each linking to the voted battle. The slice hash is the one the evidence
 * records. Office only: battles with names and judges' classes are not for the public.
 */
@RestController
class SliceVotesApi {

  private static final int MAX_ROWS = 1_000;

  private final StageRatings ratings;
  private final Access access;

  SliceVotesApi(StageRatings ratings, Access access) {
    this.ratings = ratings;
    this.access = access;
  }

  record Vote(
      String battleId, String modelA, String modelB, String outcome, String votedAt, String link) {}

  /**
   * {@code sliceVotes} and {@code battlesSha256} describe the whole slice (all models); {@code
   * votes} counts the listed model's battles, the number its rating was fitted on.
   */
  record SliceVotes(
      String voters,
      String from,
      String to,
      @Nullable String model,
      int sliceVotes,
      String battlesSha256,
      int votes,
      boolean truncated,
      List<Vote> battles) {}

  @Requires(Role.OFFICE)
  @GetMapping("/api/arena/admin/votes")
  SliceVotes votes(
      @RequestParam String voters,
      @RequestParam String from,
      @RequestParam String to,
      @RequestParam(required = false) @Nullable String model,
      HttpServletRequest request) {
    access.require(request, Role.OFFICE);
    if (!List.of("PUBLIC", "VERIFIED", "EXPERT")
        .contains(voters.toUpperCase(java.util.Locale.ROOT))) {
      throw UserError.of(
          "voters: PUBLIC, VERIFIED, EXPERT 중 하나여야 합니다", "voters: PUBLIC, VERIFIED or EXPERT");
    }
    List<Results.VoteRow> slice = ratings.votes(voters, instant("from", from), instant("to", to));
    List<Results.VoteRow> mine =
        model == null
            ? slice
            : slice.stream()
                .filter(v -> v.modelA().equals(model) || v.modelB().equals(model))
                .toList();
    return new SliceVotes(
        voters.toUpperCase(java.util.Locale.ROOT),
        from,
        to,
        model,
        slice.size(),
        StageRatings.sha256(slice),
        mine.size(),
        mine.size() > MAX_ROWS,
        mine.stream()
            .limit(MAX_ROWS)
            .map(v ->
                new Vote(
                    v.battleId(),
                    v.modelA(),
                    v.modelB(),
                    v.outcome().name(),
                    v.votedAt().toInstant().toString(),
                    "/api/arena/admin/battles/" + v.battleId()))
            .toList());
  }

  private static Instant instant(String field, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw UserError.of(
          field + ": 2026-01-15T00:00:00Z 같은 ISO 시각이어야 합니다 (받은 값 '" + value + "')",
          field + ": an ISO instant such as 2026-01-15T00:00:00Z, got '" + value + "'");
    }
  }
}
