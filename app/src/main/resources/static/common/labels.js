// Words for the enum names the server sends (gukdaeI18n.label(NAME) looks up "enum.NAME").
// One table for every page, so a verdict or outcome reads the same wherever it appears.
gukdaeI18n.add({
  ko: {
    // stage: outcomes, scoring components, team members
    "enum.CONTINUES": "진출", "enum.ELIMINATED_POINTS": "탈락 (점수)", "enum.ELIMINATED_GATE": "탈락 (독자성 기준)",
    "enum.KOREAN_BENCHMARKS": "한국어 벤치마크", "enum.GLOBAL_BENCHMARKS": "글로벌 공통 벤치마크",
    "enum.TARGET_COMPARISON": "목표 모델 대비", "enum.EXPERT_REVIEW": "전문가 평가", "enum.USER_EVALUATION": "사용자 평가",
    "enum.DERIVATIVES": "파생 모델 수",
    // portfolio: model outcomes and funding (PortfolioDecision, PortfolioFunding)
    "enum.PASSES": "통과", "enum.BELOW_THRESHOLD": "벤치마크 기준 미달", "enum.BELOW_PASS_SCORE": "분야 통과 점수 미달",
    "enum.MISSING_RESULTS": "결과 없음", "enum.FUNDED": "지원", "enum.NO_PASSING_MODEL": "지원 없음 (통과 모델 없음)",
    "enum.PORTFOLIO_STOPS": "지원 없음 (포트폴리오 중단)", "enum.LEASE": "임차", "enum.PURCHASE": "구매",
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
    // account roles (EXPERT above)
    "enum.OFFICE": "사무국", "enum.REVIEWER": "심사위원", "enum.TEAM": "팀", "enum.VOTER": "투표자",
    // lineage ingestion problems
    "enum.MALFORMED": "읽을 수 없는 레코드", "enum.BAD_FIELD": "잘못된 필드", "enum.MISSING_ID": "id 없음", "enum.BAD_ID": "잘못된 id",
    "enum.MISSING_TIME": "시각 없음", "enum.DUPLICATE_ID": "중복 id", "enum.TOO_LARGE": "너무 큰 레코드",
    "enum.UNKNOWN_RELATION": "알 수 없는 관계 (추정함)", "enum.SELF_REFERENCE": "자기 참조", "enum.BAD_BASE": "잘못된 base_model",
    "enum.CREATED_FROM_MODIFIED": "생성 시각 대신 수정 시각", "enum.AUTHOR_FROM_ID": "작성자를 id에서 추정",
    // review: aggregation rules and artefacts
    "enum.MEAN": "평균", "enum.MEDIAN": "중앙값", "enum.DROP_HIGH_LOW": "최고·최저 제외 평균",
    "enum.TECHNICAL_REPORT": "기술 보고서", "enum.TRAINING_LOG": "학습 로그", "enum.OTHER": "기타",
    // office: documents and selection rounds
    "enum.PLAN": "사업 계획서", "enum.ENGLISH_SUMMARY": "영문 요약", "enum.DEMO_VIDEO": "시연 영상", "enum.LOSS_LOG": "손실 로그",
    "enum.BENCHMARK_RESULTS": "벤치마크 결과", "enum.BUDGET": "예산", "enum.DOCUMENT_SCREENING": "서류 검토",
    "enum.WRITTEN_REVIEW": "서면 평가", "enum.PRESENTATION": "발표 평가", "enum.BUDGET_REVIEW": "예산 심사",
  },
  en: {
    "enum.CONTINUES": "continues", "enum.ELIMINATED_POINTS": "eliminated (points)", "enum.ELIMINATED_GATE": "eliminated (originality gate)",
    "enum.KOREAN_BENCHMARKS": "Korean benchmarks", "enum.GLOBAL_BENCHMARKS": "Global common benchmarks",
    "enum.TARGET_COMPARISON": "Against target model", "enum.EXPERT_REVIEW": "Expert review", "enum.USER_EVALUATION": "User evaluation",
    "enum.DERIVATIVES": "Derivative models",
    // portfolio: model outcomes and funding (PortfolioDecision, PortfolioFunding)
    "enum.PASSES": "passes", "enum.BELOW_THRESHOLD": "below a benchmark threshold", "enum.BELOW_PASS_SCORE": "below the domain's pass score",
    "enum.MISSING_RESULTS": "results missing", "enum.FUNDED": "funded", "enum.NO_PASSING_MODEL": "not funded (no passing model)",
    "enum.PORTFOLIO_STOPS": "not funded (the portfolio stops)", "enum.LEASE": "lease", "enum.PURCHASE": "purchase",
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
    "enum.OFFICE": "office", "enum.REVIEWER": "reviewer", "enum.TEAM": "team", "enum.VOTER": "voter",
    "enum.MALFORMED": "unreadable record", "enum.BAD_FIELD": "bad field", "enum.MISSING_ID": "no id", "enum.BAD_ID": "bad id",
    "enum.MISSING_TIME": "no time", "enum.DUPLICATE_ID": "duplicate id", "enum.TOO_LARGE": "record too large",
    "enum.UNKNOWN_RELATION": "unknown relation (inferred)", "enum.SELF_REFERENCE": "self-reference", "enum.BAD_BASE": "bad base_model",
    "enum.CREATED_FROM_MODIFIED": "modified time used as created", "enum.AUTHOR_FROM_ID": "author taken from id",
    "enum.MEAN": "mean", "enum.MEDIAN": "median", "enum.DROP_HIGH_LOW": "mean without highest and lowest",
    "enum.TECHNICAL_REPORT": "technical report", "enum.TRAINING_LOG": "training log", "enum.OTHER": "other",
    "enum.PLAN": "plan", "enum.ENGLISH_SUMMARY": "English summary", "enum.DEMO_VIDEO": "demo video", "enum.LOSS_LOG": "loss log",
    "enum.BENCHMARK_RESULTS": "benchmark results", "enum.BUDGET": "budget", "enum.DOCUMENT_SCREENING": "document screening",
    "enum.WRITTEN_REVIEW": "written review", "enum.PRESENTATION": "presentation", "enum.BUDGET_REVIEW": "budget review",
  },
});
