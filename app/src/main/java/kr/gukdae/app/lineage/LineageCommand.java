package kr.gukdae.app.lineage;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.cli.AppServices;
import kr.gukdae.cli.StandaloneCommand;
import kr.gukdae.cli.Terminal;
import kr.gukdae.lineage.CountRules;
import kr.gukdae.lineage.DerivativeCount;
import kr.gukdae.lineage.HubCrawler;
import kr.gukdae.lineage.Lineage;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code gukdae lineage}: count a root model's derivatives from files or the Hub. */
// Prototype: picocli writes option values into the instance, so each command line gets a fresh one.
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(
    name = "lineage",
    mixinStandardHelpOptions = true,
    description = {
      "Count derivative models of a root model on the Hugging Face model tree.",
      "Reads Hub-shaped JSON/JSONL and model-card READMEs, or crawls the Hub (--hub).",
      "Example: gukdae lineage --metadata models.jsonl --root demo-team-1/Hanbit-32B"
          + " --since 2025-08-01 --until 2026-01-15"
    })
public class LineageCommand implements StandaloneCommand {

  @Option(
      names = "--metadata",
      paramLabel = "FILE",
      description =
          "metadata: .jsonl/.json (Hub API shape), README.md cards, or a folder; repeatable")
  List<Path> metadata = new ArrayList<>();

  @Option(names = "--demo", description = "use the bundled demo metadata (generated, not Hub data)")
  boolean demo;

  @Option(names = "--hub", description = "crawl the root's tree from the Hub first (incremental)")
  boolean hub;

  @Option(
      names = "--hub-endpoint",
      paramLabel = "URL",
      defaultValue = "https://huggingface.co",
      description = "Hub to crawl (default: ${DEFAULT-VALUE}); token from HF_TOKEN")
  URI endpoint;

  @Option(
      names = "--cache",
      paramLabel = "FILE",
      description = "crawl cache (JSONL); default <gukdae.home>/lineage/<owner>__<name>.jsonl")
  @Nullable Path cache;

  @Option(names = "--root", required = true, paramLabel = "ORG/NAME", description = "root model")
  String root;

  @Option(names = "--since", paramLabel = "DATE", description = "count repos created from (UTC)")
  @Nullable String since;

  @Option(names = "--until", paramLabel = "DATE", description = "count repos created before")
  @Nullable String until;

  @Option(names = "--renames", paramLabel = "FILE", description = "lines 'old/id new/id'")
  @Nullable Path renames;

  @Option(
      names = "--team-owner",
      paramLabel = "ACCOUNT",
      description = "another Hub account of the root's team (its uploads do not count)")
  List<String> teamOwners = new ArrayList<>();

  @Option(names = "--keep-team-uploads", description = "count the team's own uploads too")
  boolean keepTeamUploads;

  @Option(names = "--allow-no-weights", description = "count repos without weight files")
  boolean allowNoWeights;

  @Option(
      names = "--min-card-chars",
      defaultValue = "100",
      description = "default ${DEFAULT-VALUE}")
  int minCardChars;

  @Option(names = "--min-downloads", defaultValue = "0", description = "default ${DEFAULT-VALUE}")
  int minDownloads;

  @Option(names = "--min-likes", defaultValue = "0", description = "default ${DEFAULT-VALUE}")
  int minLikes;

  @Option(
      names = "--max-per-owner",
      defaultValue = "10",
      description =
          "count at most N per owner, earliest first; 0 = no cap (default ${DEFAULT-VALUE})")
  int maxPerOwner;

  @Option(
      names = "--tree",
      defaultValue = "0",
      paramLabel = "N",
      description = "print N tree nodes")
  int tree;

  @Option(names = "--json", description = "print the count, explanation and skip report as JSON")
  boolean json;

  @Option(names = "--record", description = "store the count as evidence for the stage engine")
  boolean record;

  private final AppServices services;

  /** The database opens only for --record, so counting starts no Spring. */
  public LineageCommand(AppServices services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    PrintStream out = System.out;
    if (metadata.isEmpty() && !hub && !demo) {
      throw UserError.of(
          "모델의 출처를 알려면 --metadata FILE, --hub, --demo 중 하나가 필요합니다",
          "--metadata FILE, --hub or --demo is needed to know where models come from");
    }
    if (demo && (hub || !metadata.isEmpty())) {
      throw UserError.of(
          "--demo는 번들된 데모만 집계합니다. --demo를 빼거나 --metadata/--hub를 빼세요",
          "--demo counts the bundled demo only; drop it or drop --metadata/--hub");
    }
    Lineage.Loader loader = Lineage.loader();
    if (renames != null) {
      loader.renames(renames);
    }
    List<String> sources = new ArrayList<>();
    if (hub) {
      Path cacheFile =
          cache != null
              ? cache
              : services.home().resolve("lineage").resolve(root.replace("/", "__") + ".jsonl");
      var settings = HubCrawler.Settings.of(endpoint, System.getenv("HF_TOKEN"));
      var result =
          HubCrawler.create(settings).crawl(root, cacheFile, Path.of(cacheFile + ".cursor"));
      if (!json) {
        out.printf(
            Locale.ROOT,
            Terminal.pick(
                "허브: 요청 %d건 (재시도 %d건), 새 레코드 %d개, 저장소 %d개를 %s에 저장%n",
                "hub: %d requests (%d retried), %d new records, %d repos cached in %s%n"),
            result.requests(),
            result.retries(),
            result.appended(),
            result.repos(),
            cacheFile);
      }
      metadata.add(cacheFile);
    }
    if (demo) {
      sources.add("demo");
    }
    Lineage lineage = demo ? Lineage.demo() : load(loader, sources);
    CountRules rules =
        LineageController.rules(
            since,
            until,
            !keepTeamUploads,
            String.join(",", teamOwners),
            !allowNoWeights,
            minCardChars,
            minDownloads,
            minLikes,
            maxPerOwner);
    DerivativeCount count = lineage.count(root, rules, Math.max(tree, 1));
    String source = String.join(", ", sources);
    String recorded =
        record
            ? services
                .get(LineageEvidenceRepository.class)
                .save(count, lineage.report(), source)
                .id()
            : null;
    if (json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("count", count);
      doc.put("explanation", count.explanationEn());
      doc.put("explanationKo", count.explanationKo());
      doc.put("ingest", lineage.report());
      doc.put("evidenceId", recorded);
      out.println(
          JsonMapper.builder()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .build()
              .writeValueAsString(doc));
      return 0;
    }
    TextReport.print(out, count, lineage.report(), tree);
    if (recorded != null) {
      out.println(Terminal.pick("증거로 기록함: ", "recorded as evidence ") + recorded);
    }
    return 0;
  }

  private Lineage load(Lineage.Loader loader, List<String> sources) {
    for (Path path : metadata) {
      loader.add(path);
      sources.add(path.toString());
    }
    return loader.build();
  }
}
