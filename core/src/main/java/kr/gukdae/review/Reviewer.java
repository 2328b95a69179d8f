package kr.gukdae.review;

import java.util.Set;
import java.util.stream.Collectors;
import kr.gukdae.UserError;

/**
 * An outside expert with the organisations they declared (employer, advisory roles, recent
 * contracts). A declared affiliation with any member of a team is a conflict of interest.
 */
public record Reviewer(String id, String name, Set<String> affiliations) {

  public Reviewer {
    if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw UserError.of(
          "reviewer id는 [A-Za-z0-9_.-] 문자 1~64자여야 합니다 (받은 값 " + id + ")",
          "reviewer id must be 1-64 of [A-Za-z0-9_.-], got " + id);
    }
    name = name == null || name.isBlank() ? id : name.strip();
    affiliations =
        affiliations.stream().map(Reviewer::normalise).collect(Collectors.toUnmodifiableSet());
  }

  /** True when this reviewer declared any of the given organisations. */
  public boolean conflictsWith(Set<String> organisations) {
    return organisations.stream().map(Reviewer::normalise).anyMatch(affiliations::contains);
  }

  // Why: "LG AI Research" and "lg ai research " are the same organisation on two forms.
  static String normalise(String organisation) {
    return organisation.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }
}
