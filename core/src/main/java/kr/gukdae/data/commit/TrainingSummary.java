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

  public static String markdown(Manifest m, String committedRoot) {
    StringBuilder out = new StringBuilder();
    out.append("# Public summary of training content — ").append(m.team()).append("\n\n");
    out.append("## 1. General information\n\n");
    out.append("- Provider (team): ").append(m.team()).append('\n');
    out.append("- Commitment (Merkle root, SHA-256): `").append(committedRoot).append("`\n");
    out.append("- Shards: ")
        .append(m.shards().size())
        .append(", total size: ")
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
    out.append("- Modalities: ");
    byModality.forEach((k, v) ->
        out.append(k.name().toLowerCase(Locale.ROOT)).append(' ').append(size(v)).append("; "));
    out.append("\n\n## 2. List of data sources\n\n");
    out.append("| kind | size | share |\n|---|---:|---:|\n");
    for (Manifest.Source s : Manifest.Source.values()) {
      long b = bySource.getOrDefault(s, 0L);
      out.append("| ")
          .append(label(s))
          .append(" | ")
          .append(size(b))
          .append(" | ")
          .append(percent(b, m.totalBytes()))
          .append(" |\n");
    }
    out.append(
        "\n### Datasets\n\n| dataset | version | kind | modality | licence | size | mixture |\n");
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
          .append(label(d.source()))
          .append(" | ")
          .append(d.modality().name().toLowerCase(Locale.ROOT))
          .append(" | ")
          .append(d.licence() == null ? "not stated" : cell(d.licence()))
          .append(" | ")
          .append(size(bytes.getOrDefault(d.key(), 0L)))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.1f%%", 100 * mixture.getOrDefault(d.key(), 0.0)))
          .append(" |\n");
    }
    out.append(
        "\n## 3. Verifying this summary\n\nEach shard above is a leaf of the committed Merkle"
            + " tree; `gukdae data prove` gives an inclusion proof and `gukdae data verify-proof`"
            + " checks it offline against the root recorded in the audit ledger.\n");
    return out.toString();
  }

  private static String label(Manifest.Source s) {
    return switch (s) {
      case PUBLIC -> "publicly available datasets";
      case LICENSED -> "private datasets licensed from third parties";
      case CRAWLED -> "data crawled and scraped from online sources";
      case USER -> "user data";
      case SYNTHETIC -> "synthetic data";
      case OTHER -> "other sources";
    };
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
