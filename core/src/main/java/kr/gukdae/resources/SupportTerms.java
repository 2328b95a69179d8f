package kr.gukdae.resources;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kr.gukdae.call.Ids;
import kr.gukdae.ledger.Ledger;
import org.jspecify.annotations.Nullable;

/**
 * What a recorded decision after the first stage does to teams' data and talent support: a team it
 * keeps gets the later stage's data budget and talent cap; a team it drops has its data support end
 * on the stage's first day and counts as eliminated then for talent (which continues after
 * elimination as the talent rules say). {@link SupportLedger} applies these terms under the same
 * rules as every team's support, so a portfolio's institutes and a programme's teams share one
 * rule.
 */
public record SupportTerms(List<Term> terms) {

  public static final SupportTerms NONE = new SupportTerms(List.of());

  /**
   * One team's terms from one recorded decision ({@code decisionSeq}) for stage {@code stage},
   * {@code from} (inclusive) to {@code to} (exclusive).
   */
  public record Term(
      String team,
      long decisionSeq,
      int stage,
      boolean kept,
      LocalDate from,
      LocalDate to,
      long dataBudget,
      long talentCapPerYear) {
    public Term {
      Ids.check(team, "team");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      // Invariants: terms are made only from a recorded funding that replays (PortfolioFunding)
      if (dataBudget < 0 || talentCapPerYear < 0) {
        throw new IllegalArgumentException("bug: " + team + ": budgets must be 0 or more (KRW)");
      }
      if (!kept && (dataBudget != 0 || talentCapPerYear != 0)) {
        throw new IllegalArgumentException("bug: " + team + ": a team not kept gets no budget");
      }
    }

    /** True when {@code year} overlaps the term's period. */
    boolean covers(int year) {
      return year >= from.getYear() && year <= to.minusDays(1).getYear();
    }
  }

  /** Reads the terms from the ledger; called inside a ledger batch, under its writer lock. */
  @FunctionalInterface
  public interface Source {
    SupportTerms read(Ledger ledger);
  }

  public SupportTerms {
    terms = List.copyOf(terms);
  }

  /** These terms and {@code more}'s: what every recorded decision of a call gives or ends. */
  public SupportTerms plus(SupportTerms more) {
    List<Term> all = new java.util.ArrayList<>(terms);
    all.addAll(more.terms());
    return new SupportTerms(all);
  }

  List<Term> of(String team) {
    return terms.stream().filter(t -> t.team().equals(team)).toList();
  }

  /** The extra data budget the kept terms give {@code team}. */
  long dataBudget(String team) {
    return of(team).stream().filter(Term::kept).mapToLong(Term::dataBudget).sum();
  }

  /** The first term that ended {@code team}'s support on or before {@code on}, or null. */
  @Nullable Term endedBy(String team, LocalDate on) {
    return of(team).stream()
        .filter(t -> !t.kept() && !on.isBefore(t.from()))
        .findFirst()
        .orElse(null);
  }

  /** When each dropped team left: the first day of the stage it was not kept for. */
  Map<String, LocalDate> droppedOn() {
    Map<String, LocalDate> out = new TreeMap<>();
    terms.stream()
        .filter(t -> !t.kept())
        .forEach(t -> out.merge(t.team(), t.from(), (a, b) -> a.isBefore(b) ? a : b));
    return out;
  }

  /** The talent cap for {@code team} in {@code year}: a kept term's, else the rules' own. */
  long talentCap(ResourceRules.TalentRules rules, String team, int year) {
    return of(team).stream()
        .filter(t -> t.kept() && t.covers(year))
        .mapToLong(Term::talentCapPerYear)
        .findFirst()
        .orElse(rules.capPerTeamYear());
  }
}
