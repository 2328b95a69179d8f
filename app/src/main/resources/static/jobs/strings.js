gukdaeI18n.add({
  ko: {
    "jobs.title": "작업 진행 (분산 작업)",
    "jobs.lead": "작업자(gukdae worker)가 나누어 처리하는 평가 실행, 독자성 검증, 데이터 품질 검사의 진행 상황입니다. 사무국과 심사위원만 볼 수 있습니다.",
    "jobs.list": "작업 목록", "jobs.id": "작업", "jobs.kind": "종류", "jobs.label": "대상", "jobs.status": "상태",
    "jobs.created": "제출 시각", "jobs.empty": "아직 제출된 작업이 없습니다.", "jobs.job": "작업",
    "jobs.kind.lineage": "파생 모델 크롤링 (허브)",
    "jobs.shards": "완료 조각 / 전체", "jobs.running": "처리 중", "jobs.queued": "대기", "jobs.failed": "실패",
    "jobs.retries": "재시도", "jobs.eta": "남은 시간(추정)", "jobs.holders": "처리 중인 조각과 작업자",
    "jobs.problems": "실패했거나 재시도한 조각", "jobs.shard": "조각", "jobs.worker": "작업자",
    "jobs.attempts": "시도", "jobs.reason": "사유", "jobs.none": "없음", "jobs.result": "결과 보기 (JSON)",
    "jobs.evalRun": "평가 실행 결과 보기", "jobs.signinFirst": "사무국 또는 심사위원 계정으로 로그인하세요.",
    "jobs.kind.eval": "평가 실행", "jobs.kind.originality": "독자성 검증", "jobs.kind.quality": "데이터 품질 검사", "jobs.kind.ngrams": "오염 검사 n-gram 색인",
    "jobs.seconds": "초", "jobs.notFound": "그런 작업이 없습니다.",
    "jobs.unplaceable": "맡을 작업자가 없는 조각",
    "jobs.unplaceableLead": "이 조각들은 살아 있는 어떤 작업자가 선언한 CPU·메모리보다 많이 필요해서 순서를 기다리는 것이 아니라 더 큰 작업자를 기다립니다. gukdae worker --cpus N --memory 16g 처럼 충분한 작업자를 띄우세요.",
    "jobs.needs": "필요", "jobs.most": "가장 큰 작업자", "jobs.noWorker": "살아 있는 작업자 없음"
  },
  en: {
    "jobs.title": "Job progress (distributed work)",
    "jobs.lead": "Eval runs, originality checks and data quality scans that workers (gukdae worker) share out. Office and reviewers only.",
    "jobs.list": "Jobs", "jobs.id": "Job", "jobs.kind": "Kind", "jobs.label": "About", "jobs.status": "Status",
    "jobs.created": "Submitted", "jobs.empty": "No jobs submitted yet.", "jobs.job": "Job",
    "jobs.kind.lineage": "Derivative crawl (Hub)",
    "jobs.shards": "Shards done / total", "jobs.running": "Running", "jobs.queued": "Queued", "jobs.failed": "Failed",
    "jobs.retries": "Retries", "jobs.eta": "Time left (estimate)", "jobs.holders": "Shards being worked on, and by whom",
    "jobs.problems": "Failed or retried shards", "jobs.shard": "Shard", "jobs.worker": "Worker",
    "jobs.attempts": "Attempts", "jobs.reason": "Reason", "jobs.none": "none", "jobs.result": "See the result (JSON)",
    "jobs.evalRun": "See the eval run", "jobs.signinFirst": "Sign in with an office or reviewer account.",
    "jobs.kind.eval": "Eval run", "jobs.kind.originality": "Originality check", "jobs.kind.quality": "Data quality scan", "jobs.kind.ngrams": "Contamination n-gram index",
    "jobs.seconds": "s", "jobs.notFound": "No such job.",
    "jobs.unplaceable": "Shards no worker can take",
    "jobs.unplaceableLead": "These shards need more CPU or memory than any live worker declared: they are waiting for a larger worker, not for their turn. Start one that is large enough, e.g. gukdae worker --cpus N --memory 16g.",
    "jobs.needs": "Needs", "jobs.most": "Largest worker", "jobs.noWorker": "no live worker"
  }
});
