package kr.gukdae.call;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
        out.add(v(a, null, "call", "is for call '" + a.call() + "', not '" + call.id() + "'"));
      }
      if (a.submittedAt().isAfter(call.closes())) {
        out.add(v(a, null, "closes", "submitted " + a.submittedAt() + " after " + call.closes()));
      }
      if (a.submittedAt().isBefore(call.opens())) {
        out.add(v(a, null, "opens", "submitted " + a.submittedAt() + " before " + call.opens()));
      }
      supports(call, a, out);
      if (a.members().stream().noneMatch(m -> m.role() == Team.Role.LEAD)) {
        out.add(v(a, null, "members", "no member has role LEAD"));
      }
      for (Team.Size size : rules.requiredMemberSizes()) {
        if (a.members().stream().noneMatch(m -> m.size() == size)) {
          out.add(
              v(
                  a,
                  null,
                  "eligibility.requiredMemberSizes",
                  "no member of size " + size + " (required)"));
        }
      }
      for (DocumentKind kind : rules.requiredDocuments()) {
        if (a.documents().stream().noneMatch(d -> d.kind() == kind)) {
          out.add(v(a, null, "eligibility.requiredDocuments", "document " + kind + " is missing"));
        }
      }
      if (rules.maxMembers() > 0 && a.members().size() > rules.maxMembers()) {
        out.add(
            v(
                a,
                null,
                "eligibility.maxMembers",
                a.members().size() + " members, at most " + rules.maxMembers() + " allowed"));
      }
      Set<String> seen = new LinkedHashSet<>();
      for (Application.Member m : a.members()) {
        String k = key(m.organisation());
        if (!seen.add(k)) {
          out.add(v(a, m.organisation(), "members", "listed twice in the same consortium"));
        }
        if (excluded.contains(k)) {
          out.add(v(a, m.organisation(), "eligibility.excludedOrganisations", "may not take part"));
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
                    "also a member of "
                        + String.join(", ", in.stream().filter(x -> !x.equals(a.id())).toList())));
          }
        }
      }
    }
    return out;
  }

  private static void supports(Call call, Application a, List<Violation> out) {
    for (Support s : a.support()) {
      if (!call.supports().contains(s)) {
        out.add(v(a, null, "supports", "asks for " + s + ", which this call does not offer"));
      }
    }
    if (a.support().size() < call.eligibility().minSupports()) {
      out.add(
          v(
              a,
              null,
              "eligibility.minSupports",
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

  private static Violation v(Application a, @Nullable String member, String rule, String message) {
    return new Violation(a.id(), member, rule, message);
  }
}
