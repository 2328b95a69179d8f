package kr.gukdae.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kr.gukdae.UserError;
import kr.gukdae.call.Ids;
import kr.gukdae.call.Support;
import kr.gukdae.openness.OpenLevel;
import kr.gukdae.stage.Team;

/**
 * Self-payment (자부담) per consortium member: each member carries its share of each support's cost,
 * pays the table's rate for the team's checked open-source level and its own size, and splits that
 * into cash and in-kind parts.
 */
public final class SelfPayment {

  /** A recorded recomputation ({@link SelfPayments}; older ones: {@link LegacySelfPayment}). */
  public static final String KIND = "resources.self-payment";

  private SelfPayment() {}

  /** A member's share of the consortium's costs and the cash part of what it pays. */
  public record Member(String organisation, Team.Size size, double costShare, double cashShare) {
    public Member {
      Objects.requireNonNull(organisation, "organisation is required");
      Objects.requireNonNull(size, "size is required");
      if (costShare < 0 || costShare > 1 || cashShare < 0 || cashShare > 1) {
        throw UserError.of(
            organisation + ": costShare와 cashShare는 0~1 사이의 비율이어야 합니다",
            organisation + ": costShare and cashShare must be fractions 0-1");
      }
    }
  }

  /** A team's members and the cost of each support it receives (KRW). */
  public record Plan(String team, List<Member> members, Map<Support, Long> costs) {
    public Plan {
      Ids.check(team, "team");
      members = List.copyOf(members);
      costs = new TreeMap<>(costs);
      double sum = members.stream().mapToDouble(Member::costShare).sum();
      if (Math.abs(sum - 1) > 1e-9) {
        throw UserError.of(
            "구성원의 costShare 합이 " + sum + "입니다. 합이 1이 되게 고치세요",
            "members' costShare sum to " + sum + "; they must sum to 1");
      }
      costs.forEach((s, c) -> {
        if (c == null || c < 0) {
          throw UserError.of(
              "costs." + s + "은(는) 0 이상(원)이어야 합니다", "costs." + s + " must be 0 or more (KRW)");
        }
      });
    }
  }

  public record Line(
      String organisation,
      Support support,
      long cost,
      double rate,
      long selfPayment,
      long cash,
      long inKind) {}

  public record Result(
      String team, OpenLevel level, List<Line> lines, long total, long cash, long inKind) {}

  public static Result compute(SelfPaymentTable table, OpenLevel level, Plan plan) {
    List<Line> lines = new ArrayList<>();
    for (Member m : plan.members()) {
      if (m.cashShare() < table.minCashShare()) {
        throw UserError.of(
            "members."
                + m.organisation()
                + ".cashShare "
                + m.cashShare()
                + "이(가) 프로그램의 최소 현금 부담 비율 "
                + table.minCashShare()
                + "보다 낮습니다",
            "members."
                + m.organisation()
                + ".cashShare "
                + m.cashShare()
                + " is below the programme's minimum cash share "
                + table.minCashShare());
      }
      for (var e : plan.costs().entrySet()) {
        long cost = Math.round(e.getValue() * m.costShare());
        double rate = table.rate(level, m.size(), e.getKey());
        long pay = Math.round(cost * rate);
        long cash = Math.round(pay * m.cashShare());
        lines.add(new Line(m.organisation(), e.getKey(), cost, rate, pay, cash, pay - cash));
      }
    }
    long total = lines.stream().mapToLong(Line::selfPayment).sum();
    long cash = lines.stream().mapToLong(Line::cash).sum();
    return new Result(plan.team(), level, lines, total, cash, total - cash);
  }
}
