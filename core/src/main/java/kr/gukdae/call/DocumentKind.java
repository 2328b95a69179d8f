package kr.gukdae.call;

/** Documents an application can carry; a call names the ones it requires. */
public enum DocumentKind {
  PLAN,
  ENGLISH_SUMMARY,
  DEMO_VIDEO,
  LOSS_LOG,
  BENCHMARK_RESULTS,
  BUDGET,
  OTHER
}
