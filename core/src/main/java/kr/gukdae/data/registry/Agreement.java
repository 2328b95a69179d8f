package kr.gukdae.data.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import kr.gukdae.Bilingual;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * An agreement between a supplier, a team and the programme that grants the team use of a dataset
 * for a term, commercially or not. {@code replaces} names the agreement a renegotiation supersedes.
 */
public record Agreement(
    String id,
    String supplier,
    String team,
    String dataset,
    boolean commercial,
    LocalDate start,
    LocalDate end,
    @Nullable String replaces) {

  public Agreement {
    for (String[] f :
        new String[][] {{"id", id}, {"supplier", supplier}, {"team", team}, {"dataset", dataset}}) {
      if (f[1] == null || !DatasetEntry.ID.matcher(f[1]).matches()) {
        throw UserError.of(
            f[0] + " '" + f[1] + "': 영문 소문자, 숫자, '.', '_', '-'만 쓰세요",
            f[0] + " '" + f[1] + "': use lower-case letters, digits, '.', '_', '-'");
      }
    }
    new DatasetEntry.Term(start, end);
  }

  /** Refuses an agreement the dataset's own terms do not allow. */
  public void checkAgainst(DatasetEntry d) {
    if (!d.supplier().equals(supplier)) {
      throw UserError.of(
          "agreement "
              + id
              + ": 데이터셋 "
              + d.id()
              + "의 공급자는 "
              + supplier
              + "가 아니라 "
              + d.supplier()
              + "입니다",
          "agreement "
              + id
              + ": dataset "
              + d.id()
              + " is supplied by "
              + d.supplier()
              + ", not "
              + supplier);
    }
    if (d.excluded()) {
      throw UserError.of(
          "agreement " + id + ": 데이터셋 " + d.id() + "은(는) 정부 재원으로 구축되어 사업 용도에서 제외됩니다",
          "agreement "
              + id
              + ": dataset "
              + d.id()
              + " was built with government funds and is excluded from programme use");
    }
    if (commercial && !d.usage().commercial()) {
      throw UserError.of(
          "agreement " + id + ": 데이터셋 " + d.id() + "은(는) 비상업적 이용만 허용합니다. 공급자가 먼저 이용 범위를 바꿔야 합니다",
          "agreement "
              + id
              + ": dataset "
              + d.id()
              + " allows non-commercial use only; the supplier must change its usage scope first");
    }
    if (start.isBefore(d.term().start()) || end.isAfter(d.term().end())) {
      throw UserError.of(
          "agreement "
              + id
              + ": 계약 기간 "
              + start
              + ".."
              + end
              + "이(가) 데이터셋의 이용 허락 기간 "
              + d.term().start()
              + ".."
              + d.term().end()
              + "을(를) 벗어납니다",
          "agreement "
              + id
              + ": its term "
              + start
              + ".."
              + end
              + " lies outside the dataset's"
              + " licence term "
              + d.term().start()
              + ".."
              + d.term().end());
    }
  }

  /**
   * Why a team may or may not use a dataset on a given day, in Korean and English ({@code
   * because}); {@code reason} is the English, as clients before both languages read it.
   */
  public record Decision(boolean granted, Bilingual because, @Nullable String agreement) {
    @JsonProperty("reason")
    public String reason() {
      return because.en();
    }
  }

  /**
   * The rule of access: an agreement for this team and dataset whose term covers {@code day}, and
   * for a team marked for commercial release, a commercial one (a non-commercial grant does not
   * survive the team going commercial without a renegotiated agreement).
   */
  public static Decision decide(
      List<Agreement> agreements,
      DatasetEntry dataset,
      String team,
      boolean teamCommercial,
      LocalDate day) {
    if (dataset.excluded()) {
      return new Decision(
          false,
          new Bilingual(
              "정부 예산으로 구축된 데이터셋이라 제외됩니다",
              "dataset was built with government funds and is excluded"),
          null);
    }
    boolean expired = false;
    boolean nonCommercialOnly = false;
    for (Agreement a : agreements) {
      if (!a.team().equals(team) || !a.dataset().equals(dataset.id())) {
        continue;
      }
      if (day.isAfter(a.end()) || day.isBefore(a.start())) {
        expired = true;
        continue;
      }
      if (teamCommercial && !a.commercial()) {
        nonCommercialOnly = true;
        continue;
      }
      return new Decision(
          true,
          new Bilingual(
              "협약 " + a.id() + "이(가) " + a.end() + "까지 유효합니다",
              "agreement " + a.id() + " runs to " + a.end()),
          a.id());
    }
    if (nonCommercialOnly) {
      return new Decision(
          false,
          new Bilingual(
              "팀 " + team + "은(는) 상업 공개 대상으로 표시되었지만 비상업 협약만 있습니다; 상업 협약을 다시 맺으세요",
              "team "
                  + team
                  + " is marked for commercial release but holds only a non-commercial"
                  + " agreement; renegotiate a commercial agreement"),
          null);
    }
    return new Decision(
        false,
        expired
            ? new Bilingual("허가가 협약 기간 종료로 만료되었습니다", "the grant expired at its term end")
            : new Bilingual("이 팀의 협약이 없습니다", "no agreement for this team"),
        null);
  }
}
