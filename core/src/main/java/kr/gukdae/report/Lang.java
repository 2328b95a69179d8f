package kr.gukdae.report;

import java.util.Map;

/** Report languages and their strings; a missing key falls back to the key itself. */
public enum Lang {
  KO,
  EN;

  private static final Map<String, String[]> STRINGS =
      Map.ofEntries(
          e("title.public", "단계 평가 결과 공개 요약", "Stage evaluation: public summary"),
          e("title.team", "단계 평가 팀별 결과 보고서", "Stage evaluation: team report"),
          e("demo", "데모 데이터: 실제 결과가 아닙니다", "DEMO data: not real results"),
          e("stage", "단계", "Stage"),
          e("date", "평가일", "Evaluation date"),
          e("version", "프로그램 버전", "Programme version"),
          e("survivors", "다음 단계 진출 팀", "Teams continuing"),
          e("eliminated", "탈락 팀", "Teams eliminated"),
          e("added", "추가 공모로 합류", "Added through an extra call"),
          e("top", "진출 팀 중 1위 점수 구성", "Top continuing team's breakdown"),
          e("averages", "전체 팀 평균", "Average over all teams"),
          e("ranking", "전체 순위", "Full ranking"),
          e("component", "평가 항목", "Component"),
          e("points", "점수", "Points"),
          e("max", "배점", "Max"),
          e("average", "평균", "Average"),
          e("total", "총점", "Total"),
          e("rank", "순위", "Rank"),
          e("team", "팀", "Team"),
          e("outcome", "결과", "Outcome"),
          e("CONTINUES", "진출", "continues"),
          e("ELIMINATED_POINTS", "탈락 (점수)", "eliminated (points)"),
          e("ELIMINATED_GATE", "탈락 (독자성 기준 미충족)", "eliminated (originality gate)"),
          e("gate", "독자성 기준", "Originality gate"),
          e("passed", "충족", "passed"),
          e("failed", "미충족", "failed"),
          e("rules", "적용 규칙", "Rules applied"),
          e("tiebreak", "동점 처리", "Tie-break"),
          e("pointsFunction", "점수 함수", "Points function"),
          e("referenceSet", "기준 모델 (최근 출시 프런티어 모델)", "Reference set (recent frontier models)"),
          e(
              "chart.breakdown",
              "항목별 점수 (팀 / 평균 / 배점)",
              "Points per component (team / average / max)"),
          e("chart.top", "진출 팀 중 1위와 평균 (배점 대비 %)", "Top continuing team and average (% of max)"),
          e("chart.ratios", "벤치마크 달성률 (기준 대비, 95% 선)", "Achievement ratio per benchmark (95% bar)"),
          e("chart.rating", "사용자 평가 레이팅과 95% 구간", "User rating with 95% interval"),
          e("benchmark", "벤치마크", "Benchmark"),
          e("score", "점수", "Score"),
          e("reference", "기준", "Reference"),
          e("ratio", "달성률", "Ratio"),
          e("clean", "오염 제외 점수 (감사 항목 기준)", "Clean-subset score (audited items)"),
          e("contamination", "학습 데이터 오염 감사", "Training-data contamination audit"),
          e("contaminated", "오염 문항", "contaminated items"),
          e("not audited", "감사 안 됨", "not audited"),
          e(
              "contamination.note",
              "공식 점수는 전체 문항 기준이며, 오염 제외 점수는 참고용으로 나란히 표시합니다",
              "The official score uses every item; the clean-subset score is shown next to it for"
                  + " reference"),
          e("audited", "감사한 결과 수", "results audited"),
          e("rate.range", "오염률 범위", "contamination rate range"),
          e("comments", "전문가 의견", "Expert comments"),
          e("designations", "지정", "Designations"),
          e("notes", "참고", "Notes"),
          e(
              "ledger",
              "감사 원장 해시 (검증: gukdae audit verify)",
              "Audit ledger head (check: gukdae audit verify)"),
          e("private", "이 보고서는 해당 팀에만 제공됩니다", "This report is for this team only"),
          e("korean-benchmarks", "한국어 벤치마크", "Korean benchmarks"),
          e("global-benchmarks", "글로벌 공통 벤치마크", "Global common benchmarks"),
          e("target-comparison", "목표 모델 대비", "Against target model"),
          e("expert-review", "전문가 평가", "Expert review"),
          e("user-evaluation", "사용자 평가", "User evaluation"),
          e("derivatives", "파생 모델 수", "Derivative models"));

  private static Map.Entry<String, String[]> e(String key, String ko, String en) {
    return Map.entry(key, new String[] {ko, en});
  }

  public String t(String key) {
    String[] s = STRINGS.get(key);
    return s == null ? key : s[ordinal()];
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
