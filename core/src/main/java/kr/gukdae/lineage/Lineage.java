package kr.gukdae.lineage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import kr.gukdae.UserError;

/**
 * The lineage feature's public face: load model metadata (files, a Hub crawl's cache, or the
 * bundled demo), then count any root's derivatives under {@link CountRules}.
 */
public final class Lineage {

  /** The five demo team roots in the bundled demo metadata (generated, not real Hub data). */
  public static final List<String> DEMO_ROOTS =
      List.of(
          "demo-team-1/Hanbit-32B",
          "demo-team-2/Saebyeok-7B",
          "demo-team-3/Gaon-14B",
          "demo-team-4/Noeul-70B",
          "demo-team-5/Yeoul-3B");

  static final String DEMO_RESOURCE = "demo/demo-models.jsonl";
  static final int DEFAULT_TREE_LIMIT = 500;

  private final ModelGraph graph;
  private final IngestReport report;

  private Lineage(ModelGraph graph, IngestReport report) {
    this.graph = graph;
    this.report = report;
  }

  public static Loader loader() {
    return new Loader();
  }

  public static Lineage load(Path... paths) {
    Loader loader = loader();
    for (Path path : paths) {
      loader.add(path);
    }
    return loader.build();
  }

  /** The bundled demo metadata: a few hundred generated records around {@link #DEMO_ROOTS}. */
  public static Lineage demo() {
    Loader loader = loader();
    try (InputStream in = Lineage.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "bug: demo metadata missing from the jar: " + DEMO_RESOURCE);
      }
      loader.addJsonLines(
          "demo:" + DEMO_RESOURCE,
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException("bug: cannot read the bundled demo metadata", e);
    }
    return loader.build();
  }

  /** Counts for every demo root under the default rules, for {@code gukdae demo}. */
  public static List<DerivativeCount> demoCounts() {
    Lineage demo = demo();
    return DEMO_ROOTS.stream().map(root -> demo.count(root, CountRules.defaults())).toList();
  }

  public DerivativeCount count(String root, CountRules rules) {
    return count(root, rules, DEFAULT_TREE_LIMIT);
  }

  public DerivativeCount count(String root, CountRules rules, int treeLimit) {
    return Counter.count(graph, root, rules, Math.max(1, treeLimit));
  }

  public IngestReport report() {
    return report;
  }

  /** Repos known: those with records plus those only named as bases. */
  public int repos() {
    return graph.size();
  }

  /** The repos with the most direct derivatives, most first: candidates to look at as roots. */
  public List<String> busiestBases(int limit) {
    PriorityQueue<int[]> top = new PriorityQueue<>((a, b) -> Integer.compare(a[1], b[1]));
    for (int n = 0; n < graph.size(); n++) {
      int children = graph.childStart[n + 1] - graph.childStart[n];
      if (children > 0) {
        top.add(new int[] {n, children});
        if (top.size() > limit) {
          top.poll();
        }
      }
    }
    List<String> out = new ArrayList<>();
    while (!top.isEmpty()) {
      out.add(0, graph.ids.get(top.poll()[0]));
    }
    return out;
  }

  /** Collects sources, then builds the graph once. */
  public static final class Loader {
    private final ModelGraph graph = new ModelGraph();
    private final IngestReport.Builder report = new IngestReport.Builder();
    private final Map<String, String> renames = new HashMap<>();
    private final Ingestor ingestor = new Ingestor(graph, report, renames);

    private Loader() {}

    /**
     * Renamed repos: lines {@code old-owner/old-name new-owner/new-name}; {@code #} starts a
     * comment. Links to the old id then join the new one. Give renames before metadata.
     */
    public Loader renames(Path file) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw UserError.of(
            file + ": 이름 변경 파일을 읽을 수 없습니다 (" + e.getMessage() + ")",
            file + ": cannot read the renames file (" + e.getMessage() + ")",
            e);
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).replaceFirst("#.*", "").strip();
        if (line.isEmpty()) {
          continue;
        }
        String[] parts = line.split("\\s+");
        if (parts.length != 2) {
          throw UserError.of(
              file + ":" + (i + 1) + ": 각 줄은 'old-owner/old-name new-owner/new-name' 형식이어야 합니다",
              file
                  + ":"
                  + (i + 1)
                  + ": expected 'old-owner/old-name new-owner/new-name' on each line");
        }
        rename(parts[0], parts[1]);
      }
      return this;
    }

    public Loader rename(String from, String to) {
      renames.put(from.toLowerCase(Locale.ROOT), to);
      return this;
    }

    /** A .jsonl, .json or .md file, or a folder of them. */
    public Loader add(Path path) {
      MetadataFiles.read(path, ingestor);
      return this;
    }

    public Loader addJsonLines(String name, BufferedReader reader) {
      try {
        MetadataFiles.readLines(name, reader, ingestor);
      } catch (IOException e) {
        throw UserError.unreadable(name, e);
      }
      return this;
    }

    public Lineage build() {
      graph.freeze();
      return new Lineage(graph, report.build());
    }
  }
}
