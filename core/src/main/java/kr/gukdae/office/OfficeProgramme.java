package kr.gukdae.office;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import kr.gukdae.UserError;
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
      throw UserError.of("programme(이름)를 적으세요", "programme (its name) is required");
    }
    if (version == null || version.isBlank()) {
      throw UserError.of(
          "version을 적으세요. 프로그램 버전마다 수치가 따로 있습니다",
          "version is required: each programme version carries its own figures");
    }
    sources = List.copyOf(Objects.requireNonNull(sources, "sources is required"));
    Objects.requireNonNull(call, "call is required");
    Objects.requireNonNull(funnel, "funnel is required");
    Set<String> ids = new HashSet<>();
    sources.forEach(s -> ids.add(s.id()));
    if (!ids.contains(call.source())) {
      throw UserError.of(
          "call.source '" + call.source() + "'은(는) sources에 없습니다: " + ids,
          "call.source '" + call.source() + "' is not one of the sources " + ids);
    }
    for (var r : funnel.rounds()) {
      if (r.grant() != null && !ids.contains(r.grant().source())) {
        throw UserError.of(
            "funnel.rounds."
                + r.id()
                + ".grant.source '"
                + r.grant().source()
                + "'은(는) sources에 없습니다: "
                + ids,
            "funnel.rounds."
                + r.id()
                + ".grant.source '"
                + r.grant().source()
                + "' is not one of the sources "
                + ids);
      }
    }
    if (portfolio != null && !ids.contains(portfolio.source())) {
      throw UserError.of(
          "portfolio.source '" + portfolio.source() + "'은(는) sources에 없습니다: " + ids,
          "portfolio.source '" + portfolio.source() + "' is not one of the sources " + ids);
    }
    if (resources != null) {
      for (String s : resources.sourceIds()) {
        if (!ids.contains(s)) {
          throw UserError.of(
              "resources: source '" + s + "'은(는) sources에 없습니다: " + ids,
              "resources: source '" + s + "' is not one of the sources " + ids);
        }
      }
    }
  }
}
