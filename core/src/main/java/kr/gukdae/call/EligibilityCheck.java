package kr.gukdae.call;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kr.gukdae.Bilingual;
import kr.gukdae.stage.Team;
import org.jspecify.annotations.Nullable;

/** Applies a call's eligibility rules to every application, collecting every violation. */
final class EligibilityCheck {

  private EligibilityCheck() {}

  static List<Violation> check(Call call, List<Application> applications) {
    Eligibility rules = call.eligibility();
    List<Violation> out = new ArrayList<>();
    Map<String, List<String>> applicationsOf = new HashMap<>();
    Set<String> excluded = new LinkedHashSet<>();
    rules.excludedOrganisations().forEach(o -> excluded.add(key(o)));
    for (Application a : applications) {
      if (!a.call().equals(call.id())) {
        out.add(
            v(
                a,
                null,
                "call",
                "공모 '" + call.id() + "'이(가) 아니라 '" + a.call() + "'에 낸 신청서입니다",
                "is for call '" + a.call() + "', not '" + call.id() + "'"));
      }
      if (a.submittedAt().isAfter(call.closes())) {
        out.add(
            v(
                a,
                null,
                "closes",
                a.submittedAt() + "에 제출되어 마감 " + call.closes() + "보다 늦습니다",
                "submitted " + a.submittedAt() + " after " + call.closes()));
      }
      if (a.submittedAt().isBefore(call.opens())) {
        out.add(
            v(
                a,
                null,
                "opens",
                a.submittedAt() + "에 제출되어 접수 시작 " + call.opens() + "보다 이릅니다",
                "submitted " + a.submittedAt() + " before " + call.opens()));
      }
      supports(call, a, out);
      if (a.members().stream().noneMatch(m -> m.role() == Team.Role.LEAD)) {
        out.add(v(a, null, "members", "주관(LEAD) 역할의 구성원이 없습니다", "no member has role LEAD"));
      }
      for (Team.Size size : rules.requiredMemberSizes()) {
        if (a.members().stream().noneMatch(m -> m.size() == size)) {
          out.add(
              v(
                  a,
                  null,
                  "eligibility.requiredMemberSizes",
                  "필수인 " + size + " 규모의 구성원이 없습니다",
                  "no member of size " + size + " (required)"));
        }
      }
      for (DocumentKind kind : rules.requiredDocuments()) {
        if (a.documents().stream().noneMatch(d -> d.kind() == kind)) {
          out.add(
              v(
                  a,
                  null,
                  "eligibility.requiredDocuments",
                  "문서 " + kind + "이(가) 없습니다",
                  "document " + kind + " is missing"));
        }
      }
      if (rules.maxMembers() > 0 && a.members().size() > rules.maxMembers()) {
        out.add(
            v(
                a,
                null,
                "eligibility.maxMembers",
                "구성원이 " + a.members().size() + "곳입니다. 최대 " + rules.maxMembers() + "곳까지 허용됩니다",
                a.members().size() + " members, at most " + rules.maxMembers() + " allowed"));
      }
      Set<String> seen = new LinkedHashSet<>();
      for (Application.Member m : a.members()) {
        String k = key(m.organisation());
        if (!seen.add(k)) {
          out.add(
              v(
                  a,
                  m.organisation(),
                  "members",
                  "같은 컨소시엄에 두 번 적혀 있습니다",
                  "listed twice in the same consortium"));
        }
        if (excluded.contains(k)) {
          out.add(
              v(
                  a,
                  m.organisation(),
                  "eligibility.excludedOrganisations",
                  "참여할 수 없는 기관입니다",
                  "may not take part"));
        }
      }
      seen.forEach(k -> applicationsOf.computeIfAbsent(k, x -> new ArrayList<>()).add(a.id()));
    }
    if (rules.oneConsortiumPerOrganisation()) {
      for (Application a : applications) {
        for (Application.Member m : a.members()) {
          List<String> in = applicationsOf.getOrDefault(key(m.organisation()), List.of());
          if (in.size() > 1) {
            out.add(
                v(
                    a,
                    m.organisation(),
                    "eligibility.oneConsortiumPerOrganisation",
                    "다른 신청서에도 구성원으로 있습니다: " + others(in, a),
                    "also a member of " + others(in, a)));
          }
        }
      }
    }
    return out;
  }

  private static void supports(Call call, Application a, List<Violation> out) {
    for (Support s : a.support()) {
      if (!call.supports().contains(s)) {
        out.add(
            v(
                a,
                null,
                "supports",
                "이 공모가 제공하지 않는 " + s + " 지원을 신청했습니다",
                "asks for " + s + ", which this call does not offer"));
      }
    }
    if (a.support().size() < call.eligibility().minSupports()) {
      out.add(
          v(
              a,
              null,
              "eligibility.minSupports",
              "GPU/DATA/TALENT 중 "
                  + a.support().size()
                  + "개를 신청했습니다. 최소 "
                  + call.eligibility().minSupports()
                  + "개가 필요합니다",
              "asks for "
                  + a.support().size()
                  + " of GPU/DATA/TALENT, at least "
                  + call.eligibility().minSupports()
                  + " required"));
    }
  }

  // Why: the same organisation is typed differently on two forms ("LG AI Research " vs "lg ai
  // research").
  static String key(String organisation) {
    return organisation.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String others(List<String> in, Application a) {
    return String.join(", ", in.stream().filter(x -> !x.equals(a.id())).toList());
  }

  private static Violation v(
      Application a, @Nullable String member, String rule, String ko, String en) {
    return new Violation(a.id(), member, rule, new Bilingual(ko, en));
  }
}
