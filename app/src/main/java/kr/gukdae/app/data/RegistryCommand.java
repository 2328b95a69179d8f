package kr.gukdae.app.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.HelpOnly;
import kr.gukdae.cli.Terminal;
import kr.gukdae.data.DataJson;
import kr.gukdae.data.registry.Agreement;
import kr.gukdae.data.registry.Croissant;
import kr.gukdae.data.registry.DatasetCard;
import kr.gukdae.data.registry.DatasetEntry;
import kr.gukdae.data.registry.Fields;
import kr.gukdae.data.registry.Openness;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gukdae registry}: suppliers, teams, datasets, versions and agreements in the database. */
@Component
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = "Dataset registry: suppliers, datasets, versions, agreements, Croissant.")
public class RegistryCommand implements GukdaeCommand {

  @Spec @Nullable CommandSpec spec;

  private final DataRegistry registry;

  public RegistryCommand(DataRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() {
    return GukdaeCommand.usage(spec);
  }

  @Command(name = "supplier", mixinStandardHelpOptions = true, description = "Register a supplier.")
  int supplier(
      @Option(names = "--id", required = true) String id,
      @Option(names = "--name", required = true) String name,
      @Option(
              names = "--free-help",
              description = "a free supplier (gets OCR and de-duplication help)")
          boolean free) {
    registry.addSupplier(id, name, free);
    System.out.println(Terminal.pick("공급자 " + id + "를 등록했습니다", "supplier " + id + " registered"));
    return 0;
  }

  @Command(
      name = "team",
      mixinStandardHelpOptions = true,
      description = "Register a team or mark it for commercial release.")
  int team(
      @Option(names = "--id", required = true) String id,
      @Option(names = "--commercial", description = "the team is marked for commercial release")
          boolean commercial,
      @Option(names = "--update", description = "change an existing team") boolean update) {
    if (update) {
      List<String> lost = registry.markCommercial(id, commercial);
      System.out.println(
          Terminal.pick("팀 ", "team ")
              + id
              + (commercial
                  ? Terminal.pick(": 상업 공개 대상으로 표시함", " marked for commercial release")
                  : Terminal.pick(": 비상업", " non-commercial"))
              + (lost.isEmpty()
                  ? ""
                  : Terminal.pick(
                          "; 비상업 협약은 더 이상 이용 권한을 주지 않습니다: ",
                          "; non-commercial agreements no longer grant access: ")
                      + lost));
    } else {
      registry.addTeam(id, commercial);
      System.out.println(Terminal.pick("팀 " + id + "을(를) 등록했습니다", "team " + id + " registered"));
    }
    return 0;
  }

  @Command(
      name = "dataset",
      mixinStandardHelpOptions = true,
      description = {
        "Register a dataset from --set fields, a Croissant file or a Hugging Face card.",
        "Fields: "
            + "id, title, description, licence, modality, rightsBasis, usageWho, usagePurpose,"
            + " commercial, termStart, termEnd, delivery, priceKrw, governmentFunded, provenance"
      })
  int dataset(
      @Option(names = "--supplier", required = true) String supplier,
      @Option(names = "--set", paramLabel = "FIELD=VALUE") @Nullable Map<String, String> set,
      @Option(names = "--croissant", description = "Croissant JSON-LD file")
          @Nullable Path croissant,
      @Option(names = "--card", description = "Hugging Face dataset card (README.md)")
          @Nullable Path card) {
    Map<String, String> fields = set == null ? Map.of() : new LinkedHashMap<>(set);
    DatasetEntry d;
    if (croissant != null && card != null) {
      throw UserError.of("--croissant와 --card 중 하나만 주세요", "give --croissant or --card, not both");
    } else if (croissant != null) {
      d = Croissant.importFrom(croissant.toString(), DataJson.text(croissant), supplier, fields);
    } else if (card != null) {
      Map<String, String> rest = new LinkedHashMap<>(fields);
      String id = rest.remove("id");
      if (id == null) {
        throw UserError.of(
            "--card에는 --set id=<데이터셋 ID>가 필요합니다", "--card needs --set id=<dataset id>");
      }
      d = DatasetCard.importFrom(card.toString(), DataJson.text(card), id, supplier, rest);
    } else {
      d = Fields.entry("--set", supplier, fields);
    }
    registry.addDataset(d);
    System.out.println(
        Terminal.pick("데이터셋 " + d.id() + "을(를) 등록했습니다", "dataset " + d.id() + " registered")
            + (d.excluded()
                ? Terminal.pick(" (제외됨: 정부 재원으로 구축됨)", " (EXCLUDED: built with government funds)")
                : ""));
    return 0;
  }

  @Command(name = "version", description = "Register a dataset version.")
  int version(
      @Mixin HelpOnly help,
      @Option(names = "--dataset", required = true) String dataset,
      @Option(names = "--version", required = true) String version,
      @Option(names = "--bytes", required = true) long bytes,
      @Option(names = "--records", required = true) long records,
      @Option(names = "--sha256") @Nullable String sha256,
      @Option(names = "--built-by", description = "team that built it (counts toward openness)")
          @Nullable String builtBy,
      @Option(names = "--opened", description = "the version is openly released") boolean opened) {
    registry.addVersion(
        new DataRegistry.Version(dataset, version, bytes, records, sha256, builtBy, opened));
    System.out.println(
        Terminal.pick("버전 ", "version ")
            + dataset
            + "@"
            + version
            + Terminal.pick("을(를) 등록했습니다", " registered"));
    return 0;
  }

  @Command(
      name = "agreement",
      mixinStandardHelpOptions = true,
      description = "Record a supplier-team-programme agreement.")
  int agreement(
      @Option(names = "--id", required = true) String id,
      @Option(names = "--supplier", required = true) String supplier,
      @Option(names = "--team", required = true) String team,
      @Option(names = "--dataset", required = true) String dataset,
      @Option(names = "--commercial") boolean commercial,
      @Option(names = "--start", required = true) String start,
      @Option(names = "--end", required = true) String end,
      @Option(names = "--replaces", description = "the agreement this renegotiation supersedes")
          @Nullable String replaces) {
    registry.addAgreement(
        new Agreement(
            id,
            supplier,
            team,
            dataset,
            commercial,
            Fields.date("--start", "start", start),
            Fields.date("--end", "end", end),
            replaces));
    System.out.println(Terminal.pick("협약 " + id + "을(를) 기록했습니다", "agreement " + id + " recorded"));
    return 0;
  }

  @Command(
      name = "access",
      mixinStandardHelpOptions = true,
      description = {
        "May TEAM use DATASET (today or on --day)?",
        "Exit code 0 when granted, 1 when not."
      })
  int access(
      @Option(names = "--team", required = true) String team,
      @Option(names = "--dataset", required = true) String dataset,
      @Option(names = "--day") @Nullable String day) {
    var d = registry.access(team, dataset, day == null ? null : Fields.date("--day", "day", day));
    System.out.println(
        (d.granted() ? Terminal.pick("허용: ", "GRANTED: ") : Terminal.pick("거부: ", "REFUSED: "))
            + Terminal.pick(d.because()));
    return d.granted() ? 0 : 1;
  }

  @Command(
      name = "croissant",
      mixinStandardHelpOptions = true,
      description = "Export a dataset as Croissant JSON-LD.")
  int croissant(
      @Option(names = "--dataset", required = true) String dataset,
      @Option(names = "--out") @Nullable Path out) {
    var doc = registry.croissant(dataset);
    if (out == null) {
      System.out.println(DataJson.pretty(doc));
    } else {
      DataJson.write(out, doc);
      System.out.println(Terminal.pick("썼습니다: ", "wrote ") + out);
    }
    return 0;
  }

  @Command(
      name = "openness",
      mixinStandardHelpOptions = true,
      description = {
        "Built vs opened volume of a team; flags a shortfall before each stage date.",
        "Exit code 0 when met, 1 when short."
      })
  int openness(
      @Option(names = "--team", required = true) String team,
      @Option(names = "--unit", defaultValue = "bytes") String unit,
      @Option(names = "--share", defaultValue = "0.5") double share,
      @Option(names = "--stage", paramLabel = "YYYY-MM-DD") @Nullable List<String> stages) {
    List<LocalDate> dates = new ArrayList<>();
    if (stages != null) {
      stages.forEach(s -> dates.add(Fields.date("--stage", "stage", s)));
    }
    Openness.Status s = registry.openness(team, Openness.Unit.parse(unit), share, dates);
    System.out.printf(
        Locale.ROOT,
        Terminal.pick("%s: 구축 %d, 공개 %d %s; %s%n", "%s: built %d, opened %d %s; %s%n"),
        team,
        s.built(),
        s.opened(),
        unit,
        s.met()
            ? Terminal.pick("의무 충족", "obligation met")
            : Terminal.pick(s.shortfall() + " 부족", "short by " + s.shortfall()));
    s.warnings()
        .forEach(f -> System.out.println(Terminal.pick("  경고 " + f.ko(), "  FLAG " + f.en())));
    return s.met() ? 0 : 1;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List suppliers, teams, datasets and agreements.")
  int list() {
    String supplier = Terminal.padRight(Terminal.pick("공급자", "supplier"), 10);
    String team = Terminal.padRight(Terminal.pick("팀", "team"), 10);
    String dataset = Terminal.padRight(Terminal.pick("데이터셋", "dataset"), 10);
    String agreement = Terminal.padRight(Terminal.pick("협약", "agreement"), 10);
    String commercial = Terminal.pick("  상업", "  commercial");
    registry.suppliers().forEach(s -> System.out.println(supplier + s.id() + "  " + s.name()));
    registry
        .teams()
        .forEach(
            t -> System.out.println(team + t.id() + (t.commercialRelease() ? commercial : "")));
    for (DatasetEntry d : registry.datasets()) {
      System.out.println(
          dataset
              + d.id()
              + "  "
              + d.title()
              + "  "
              + d.licence()
              + Terminal.pick("  기간 종료 ", "  term to ")
              + d.term().end()
              + (d.excluded() ? Terminal.pick("  제외됨", "  EXCLUDED") : ""));
    }
    registry
        .agreements(null)
        .forEach(a ->
            System.out.println(
                agreement
                    + a.id()
                    + "  "
                    + a.team()
                    + " <- "
                    + a.dataset()
                    + (a.commercial() ? commercial : Terminal.pick("  비상업", "  non-commercial"))
                    + Terminal.pick("  종료 ", "  to ")
                    + a.end()));
    return 0;
  }
}
