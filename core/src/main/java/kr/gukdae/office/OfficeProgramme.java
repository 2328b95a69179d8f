package kr.gukdae.office;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import kr.gukdae.call.Call;
import kr.gukdae.portfolio.Portfolio;
import kr.gukdae.resources.ResourceRules;
import kr.gukdae.selection.Funnel;
import org.jspecify.annotations.Nullable;

/**
 * A versioned programme-office file: the call with its eligibility rules, the selection funnel, and
 * the resource rules (exchange rates, quotas, self-payment table, budgets and caps) and, for a
 * programme of specialised models, its portfolio; each figure traceable to one of the listed
 * sources.
 */
public record OfficeProgramme(
    String programme,
    String version,
    boolean demo,
    List<Source> sources,
    Call call,
    Funnel funnel,
    @Nullable ResourceRules resources,
    @Nullable Portfolio portfolio) {

  public OfficeProgramme {
    if (programme == null || programme.isBlank()) {
      throw new IllegalArgumentException("programme (its name) is required");
    }
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException(
          "version is required: each programme version carries its own figures");
    }
    sources = List.copyOf(Objects.requireNonNull(sources, "sources is required"));
    Objects.requireNonNull(call, "call is required");
    Objects.requireNonNull(funnel, "funnel is required");
    Set<String> ids = new HashSet<>();
    sources.forEach(s -> ids.add(s.id()));
    if (!ids.contains(call.source())) {
      throw new IllegalArgumentException(
          "call.source '" + call.source() + "' is not one of the sources " + ids);
    }
    for (var r : funnel.rounds()) {
      if (r.grant() != null && !ids.contains(r.grant().source())) {
        throw new IllegalArgumentException(
            "funnel.rounds."
                + r.id()
                + ".grant.source '"
                + r.grant().source()
                + "' is not one of the sources "
                + ids);
      }
    }
    if (portfolio != null && !ids.contains(portfolio.source())) {
      throw new IllegalArgumentException(
          "portfolio.source '" + portfolio.source() + "' is not one of the sources " + ids);
    }
    if (resources != null) {
      for (String s : resources.sourceIds()) {
        if (!ids.contains(s)) {
          throw new IllegalArgumentException(
              "resources: source '" + s + "' is not one of the sources " + ids);
        }
      }
    }
  }
}
