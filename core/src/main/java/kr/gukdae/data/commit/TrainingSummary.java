package kr.gukdae.data.commit;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A public summary of training content in the shape of the EU AI Act's template for general-purpose
 * models (Art. 53(1)(d)): general information, data sources by kind, and the share of each dataset,
 * generated from the committed manifest so the two cannot drift apart.
 */
public final class TrainingSummary {

  private TrainingSummary() {}

  /** The summary in English, as published and served on the web. */
  public static String markdown(Manifest m, String committedRoot) {
    return markdown(m, committedRoot, false);
  }

  /** The summary in Korean ({@code korean}) or English; the team's own names are as written. */
  public static String markdown(Manifest m, String committedRoot, boolean korean) {
    Words w = new Words(korean);
    StringBuilder out = new StringBuilder();
    out.append(w.say("# 학습 데이터 공개 요약 — ", "# Public summary of training content — "))
        .append(m.team())
        .append("\n\n");
    out.append(w.say("## 1. 일반 정보\n\n", "## 1. General information\n\n"));
    out.append(w.say("- 제공자 (팀): ", "- Provider (team): ")).append(m.team()).append('\n');
    out.append(w.say("- 약속 (머클 루트, SHA-256): `", "- Commitment (Merkle root, SHA-256): `"))
        .append(committedRoot)
        .append("`\n");
    out.append(w.say("- 샤드: ", "- Shards: "))
        .append(m.shards().size())
        .append(w.say("개, 전체 크기: ", ", total size: "))
        .append(size(m.totalBytes()))
        .append('\n');
    Map<Manifest.Modality, Long> byModality = new EnumMap<>(Manifest.Modality.class);
    Map<Manifest.Source, Long> bySource = new EnumMap<>(Manifest.Source.class);
    Map<String, Long> bytes = m.bytesByDataset();
    for (Manifest.DatasetRef d : m.datasets()) {
      long b = bytes.getOrDefault(d.key(), 0L);
      byModality.merge(d.modality(), b, Long::sum);
      bySource.merge(d.source(), b, Long::sum);
    }
    out.append(w.say("- 모달리티: ", "- Modalities: "));
    byModality.forEach((k, v) -> out.append(w.label(k)).append(' ').append(size(v)).append("; "));
    out.append(w.say("\n\n## 2. 데이터 출처 목록\n\n", "\n\n## 2. List of data sources\n\n"));
    out.append(w.say("| 종류 | 크기 | 비율 |", "| kind | size | share |")).append("\n|---|---:|---:|\n");
    for (Manifest.Source s : Manifest.Source.values()) {
      long b = bySource.getOrDefault(s, 0L);
      out.append("| ")
          .append(w.label(s))
          .append(" | ")
          .append(size(b))
          .append(" | ")
          .append(percent(b, m.totalBytes()))
          .append(" |\n");
    }
    out.append(
        w.say(
            "\n### 데이터셋\n\n| 데이터셋 | 버전 | 종류 | 모달리티 | 라이선스 | 크기 | 혼합 비율 |\n",
            "\n### Datasets\n\n| dataset | version | kind | modality | licence | size | mixture |\n"));
    out.append("|---|---|---|---|---|---:|---:|\n");
    Map<String, Double> mixture = m.mixtureByDataset();
    for (Manifest.DatasetRef d : m.datasets()) {
      out.append("| ")
          .append(cell(d.name()))
          .append(" (")
          .append(d.id())
          .append(") | ")
          .append(d.version())
          .append(" | ")
          .append(w.label(d.source()))
          .append(" | ")
          .append(w.label(d.modality()))
          .append(" | ")
          .append(d.licence() == null ? w.say("밝히지 않음", "not stated") : cell(d.licence()))
          .append(" | ")
          .append(size(bytes.getOrDefault(d.key(), 0L)))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.1f%%", 100 * mixture.getOrDefault(d.key(), 0.0)))
          .append(" |\n");
    }
    out.append(
        w.say(
            "\n## 3. 이 요약의 검증\n\n위의 샤드는 하나하나가 약속된 머클 트리의 잎입니다."
                + " `gukdae data prove`가 포함 증명을 만들고, `gukdae data verify-proof`가 감사 원장에"
                + " 기록된 루트에 대해 그 증명을 오프라인으로 확인합니다.\n",
            "\n## 3. Verifying this summary\n\nEach shard above is a leaf of the committed Merkle"
                + " tree; `gukdae data prove` gives an inclusion proof and `gukdae data verify-proof`"
                + " checks it offline against the root recorded in the audit ledger.\n"));
    return out.toString();
  }

  /** The summary's own words in one language. */
  private record Words(boolean korean) {

    String say(String ko, String en) {
      return korean ? ko : en;
    }

    String label(Manifest.Source s) {
      return switch (s) {
        case PUBLIC -> say("공개 데이터셋", "publicly available datasets");
        case LICENSED ->
            say("제3자에게서 이용 허락을 받은 비공개 데이터셋", "private datasets licensed from third parties");
        case CRAWLED -> say("온라인에서 크롤링·스크래핑한 데이터", "data crawled and scraped from online sources");
        case USER -> say("사용자 데이터", "user data");
        case SYNTHETIC -> say("합성 데이터", "synthetic data");
        case OTHER -> say("기타 출처", "other sources");
      };
    }

    String label(Manifest.Modality m) {
      return switch (m) {
        case TEXT -> say("텍스트", "text");
        case IMAGE -> say("이미지", "image");
        case AUDIO -> say("오디오", "audio");
        case VIDEO -> say("영상", "video");
      };
    }
  }

  /** Dataset names come from teams: keep them from breaking the table. */
  private static String cell(String text) {
    return text.replace('|', '/').replace('\n', ' ');
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "0.0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
