gukdaeI18n.add({
  ko: { "home.title": "국가대표 AI 파운데이션 모델 평가 플랫폼", "home.lead": "벤치마크, 블라인드 아레나, 독자성 검증, 파생 모델 집계, 단계 평가와 감사 원장을 한 곳에서." },
  en: { "home.title": "Evaluation platform for national foundation models", "home.lead": "Benchmarks, blind arena, originality checks, derivative counts, stage decisions and an audit ledger in one place." },
});
