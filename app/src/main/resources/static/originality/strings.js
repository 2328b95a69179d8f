gukdaeI18n.add({
  ko: {
    "o.title": "독자성 검증 (가중치 포렌식)",
    "o.lead": "후보 모델의 가중치를 공개 모델과 비교한 판정과 증거입니다. 정규화(norm) 가중치는 1에서의 편차로만 판단합니다.",
    "o.reports": "검증 기록", "o.model": "모델", "o.verdict": "판정", "o.when": "시각",
    "o.empty": "아직 기록이 없습니다. gukdae originality --candidate DIR --reference NAME=DIR 로 검증하세요.",
    "o.against": "비교 대상", "o.component": "구성 요소", "o.tensors": "텐서", "o.params": "파라미터",
    "o.pearson": "피어슨", "o.cosine": "코사인", "o.rel": "상대 L2", "o.identical": "동일 비율",
    "o.z": "최소 z", "o.similarity": "유사도", "o.log": "학습 로그 점검", "o.matched": "비교된 파라미터",
    "o.flag": "항목", "o.line": "줄", "o.explanation": "설명",
    "o.share": "판정 근거 파라미터 비율", "o.coverage": "비교 범위", "o.mapping": "블록 정렬 (후보 = 기준)",
    "o.tamper": "변조 흔적: 유한하지 않은 값", "o.extreme": "극단값", "o.null": "기준선 구성"
  },
  en: {
    "o.title": "Originality verification (weight comparison)",
    "o.lead": "Verdicts and evidence from comparing candidate weights with public models. Norm weights are judged on their deviation from 1 only.",
    "o.reports": "Checks", "o.model": "Model", "o.verdict": "Verdict", "o.when": "When",
    "o.empty": "No checks yet. Run gukdae originality --candidate DIR --reference NAME=DIR.",
    "o.against": "Against", "o.component": "Component", "o.tensors": "Tensors", "o.params": "Parameters",
    "o.pearson": "Pearson", "o.cosine": "Cosine", "o.rel": "Rel. L2", "o.identical": "Identical",
    "o.z": "Min z", "o.similarity": "Similarity", "o.log": "Training-log checks", "o.matched": "Parameters compared",
    "o.flag": "Flag", "o.line": "Line", "o.explanation": "Explanation",
    "o.share": "Share of parameters", "o.coverage": "Coverage", "o.mapping": "Block mapping (candidate = reference)",
    "o.tamper": "Tampering: non-finite values", "o.extreme": "extreme values", "o.null": "Null composition"
  }
});
