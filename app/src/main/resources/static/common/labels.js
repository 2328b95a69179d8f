// Words for the enum names the server sends (gukdaeI18n.label(NAME) looks up "enum.NAME").
// One table for every page, so a verdict or outcome reads the same wherever it appears.
gukdaeI18n.add({
  ko: {
    // stage: outcomes, scoring components, team members
    "enum.CONTINUES": "진출", "enum.ELIMINATED_POINTS": "탈락 (점수)", "enum.ELIMINATED_GATE": "탈락 (독자성 기준)",
    "enum.KOREAN_BENCHMARKS": "한국어 벤치마크", "enum.GLOBAL_BENCHMARKS": "글로벌 공통 벤치마크",
    "enum.TARGET_COMPARISON": "목표 모델 대비", "enum.EXPERT_REVIEW": "전문가 평가", "enum.USER_EVALUATION": "사용자 평가",
    "enum.DERIVATIVES": "파생 모델 수",
    "enum.LEAD": "주관", "enum.MEMBER": "참여", "enum.DATA": "데이터", "enum.ACADEMIC": "대학·연구", "enum.PUBLIC_BODY": "공공기관",
    "enum.LARGE": "대기업", "enum.MEDIUM": "중견기업", "enum.SMALL": "중소기업", "enum.STARTUP": "스타트업",
    "enum.UNIVERSITY": "대학", "enum.PUBLIC": "공공",
    "enum.FULL": "완전 공개", "enum.WEIGHTS": "가중치 공개", "enum.API_ONLY": "API만",
    "enum.PRESENT": "있음", "enum.MISSING": "없음", "enum.STALE": "유효하지 않음", "enum.PARTIAL": "일부",
    // eval runs
    "enum.RUNNING": "실행 중", "enum.DONE": "완료", "enum.FAILED": "실패", "enum.QUEUED": "대기",
    // originality
    "enum.COPIED": "복제", "enum.DERIVED": "파생", "enum.WEAK": "약한 유사", "enum.UNRELATED": "무관",
    "enum.NAME": "이름", "enum.CONTENT": "내용", "enum.SHAPE": "형태",
    "enum.FROM_SCRATCH": "처음부터 학습", "enum.LATE_START": "늦은 시작", "enum.TOKENS": "토큰 수", "enum.RESUMPTION": "재개",
    "enum.GAP": "공백", "enum.LOSS_SPIKE": "손실 급등", "enum.INFO": "참고", "enum.WARN": "경고",
    // lineage
    "enum.ROOT": "원본 모델", "enum.COUNTED": "집계됨", "enum.OUTSIDE_WINDOW": "집계 기간 밖", "enum.SAME_OWNER": "같은 소유자",
    "enum.NO_WEIGHTS": "가중치 없음", "enum.EMPTY_CARD": "모델 카드 없음", "enum.FEW_DOWNLOADS": "다운로드 부족",
    "enum.FEW_LIKES": "좋아요 부족", "enum.OWNER_CAP": "소유자별 상한 초과",
    "enum.FINETUNE": "미세조정", "enum.ADAPTER": "어댑터", "enum.MERGE": "병합", "enum.QUANTIZED": "양자화",
    // arena voters
    "enum.VERIFIED": "본인 확인 투표자", "enum.EXPERT": "전문가", "enum.ADMIN": "관리자",
  },
  en: {
    "enum.CONTINUES": "continues", "enum.ELIMINATED_POINTS": "eliminated (points)", "enum.ELIMINATED_GATE": "eliminated (originality gate)",
    "enum.KOREAN_BENCHMARKS": "Korean benchmarks", "enum.GLOBAL_BENCHMARKS": "Global common benchmarks",
    "enum.TARGET_COMPARISON": "Against target model", "enum.EXPERT_REVIEW": "Expert review", "enum.USER_EVALUATION": "User evaluation",
    "enum.DERIVATIVES": "Derivative models",
    "enum.LEAD": "lead", "enum.MEMBER": "member", "enum.DATA": "data", "enum.ACADEMIC": "academic", "enum.PUBLIC_BODY": "public body",
    "enum.LARGE": "large company", "enum.MEDIUM": "mid-size company", "enum.SMALL": "small company", "enum.STARTUP": "start-up",
    "enum.UNIVERSITY": "university", "enum.PUBLIC": "public",
    "enum.FULL": "fully open", "enum.WEIGHTS": "open weights", "enum.API_ONLY": "API only",
    "enum.PRESENT": "present", "enum.MISSING": "missing", "enum.STALE": "stale", "enum.PARTIAL": "partial",
    "enum.RUNNING": "running", "enum.DONE": "done", "enum.FAILED": "failed", "enum.QUEUED": "queued",
    "enum.COPIED": "copied", "enum.DERIVED": "derived", "enum.WEAK": "weak similarity", "enum.UNRELATED": "unrelated",
    "enum.NAME": "name", "enum.CONTENT": "content", "enum.SHAPE": "shape",
    "enum.FROM_SCRATCH": "trained from scratch", "enum.LATE_START": "late start", "enum.TOKENS": "tokens", "enum.RESUMPTION": "resumption",
    "enum.GAP": "gap", "enum.LOSS_SPIKE": "loss spike", "enum.INFO": "info", "enum.WARN": "warning",
    "enum.ROOT": "root model", "enum.COUNTED": "counted", "enum.OUTSIDE_WINDOW": "outside the counting window", "enum.SAME_OWNER": "same owner",
    "enum.NO_WEIGHTS": "no weights", "enum.EMPTY_CARD": "empty model card", "enum.FEW_DOWNLOADS": "too few downloads",
    "enum.FEW_LIKES": "too few likes", "enum.OWNER_CAP": "over the per-owner cap",
    "enum.FINETUNE": "fine-tune", "enum.ADAPTER": "adapter", "enum.MERGE": "merge", "enum.QUANTIZED": "quantized",
    "enum.VERIFIED": "verified voter", "enum.EXPERT": "expert", "enum.ADMIN": "administrator",
  },
});
