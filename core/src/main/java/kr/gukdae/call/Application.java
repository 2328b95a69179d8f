package kr.gukdae.call;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import kr.gukdae.UserError;
import kr.gukdae.stage.Team;

/**
 * A consortium's application to a call: its members (role and company size), the supports it asks
 * for, its documents (each pinned by SHA-256) and the organisations that supply it (GPU lessors,
 * data vendors), which reviewers must not be affiliated with.
 */
public record Application(
    String id,
    String call,
    String consortium,
    List<Member> members,
    Set<Support> support,
    List<Document> documents,
    List<String> suppliers,
    OffsetDateTime submittedAt) {

  public record Member(String organisation, Team.Role role, Team.Size size) {
    public Member {
      if (organisation == null || organisation.isBlank() || organisation.length() > 200) {
        throw UserError.of("organisation은 1~200자로 적으세요", "organisation must be 1-200 characters");
      }
      organisation = organisation.strip();
      Objects.requireNonNull(role, "role is required (LEAD, MEMBER, DATA, ACADEMIC, PUBLIC_BODY)");
      Objects.requireNonNull(size, "size is required (LARGE ... UNIVERSITY, PUBLIC)");
    }
  }

  public record Document(DocumentKind kind, String name, String sha256) {
    public Document {
      Objects.requireNonNull(kind, "kind is required");
      if (name == null || name.isBlank() || name.length() > 200) {
        throw UserError.of("name은 1~200자로 적으세요", "name must be 1-200 characters");
      }
      if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
        throw UserError.of(
            "sha256에는 파일의 sha256sum 값(소문자 16진수 64자리)을 적으세요 (받은 값 '" + sha256 + "')",
            "sha256 must be 64 lower-case hex digits (sha256sum of the file), got '"
                + sha256
                + "'");
      }
    }
  }

  public Application {
    Ids.check(id, "id");
    Ids.check(call, "call");
    if (consortium == null || consortium.isBlank() || consortium.length() > 200) {
      throw UserError.of("consortium은 1~200자로 적으세요", "consortium must be 1-200 characters");
    }
    if (members == null || members.isEmpty()) {
      throw UserError.of(
          "members에 최소한 주관 기관(LEAD)을 적으세요", "members must list at least the lead organisation");
    }
    members = List.copyOf(members);
    // Sorted sets and UTC instants so the canonical JSON (and its sealed hash) is the same in
    // every JVM and after a round trip through any mapper.
    support =
        support == null || support.isEmpty()
            ? Set.of()
            : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(support));
    documents = documents == null ? List.of() : List.copyOf(documents);
    suppliers = suppliers == null ? List.of() : List.copyOf(suppliers);
    submittedAt =
        Objects.requireNonNull(submittedAt, "submittedAt is required")
            .withOffsetSameInstant(java.time.ZoneOffset.UTC);
  }

  /** Member and supplier organisations: a reviewer affiliated with any of them is conflicted. */
  public Set<String> interestedOrganisations() {
    return java.util.stream.Stream.concat(
            members.stream().map(Member::organisation), suppliers.stream())
        .collect(Collectors.toUnmodifiableSet());
  }
}
