package kr.gukdae.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kr.gukdae.app.data.DataRegistry;
import kr.gukdae.designation.Designations;
import kr.gukdae.ledger.Ledger;
import kr.gukdae.office.OfficeFiles;
import kr.gukdae.office.OfficeProgramme;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Commands that need the database, in both languages under the line rule: the dataset registry from
 * a supplier to access decisions and an openness shortfall, the database ledger's check, and the
 * office's read-only commands (designations, a programme's check and eligibility, hires, the
 * portfolio). A command that records something runs once per language under names of its own.
 */
class BilingualDatabaseOutputTest extends DatabaseCommandLines {

  @Autowired DataRegistry registry;

  @Test
  void registry() {
    List<String> data = List.of("bi-sup", "bi-team", "bi-set", "bi-deal", "cc-by");
    for (String lang : List.of("ko", "en")) {
      String s = "bi-sup-" + lang;
      String t = "bi-team-" + lang;
      String d = "bi-set-" + lang;
      once(lang, data, "registry", "supplier", "--id", s, "--name", s, "--free-help");
      once(lang, data, "registry", "team", "--id", t);
      once(
          lang,
          data,
          "registry",
          "dataset",
          "--supplier",
          s,
          "--set",
          "id=" + d,
          "--set",
          "title=" + d,
          "--set",
          "licence=cc-by",
          "--set",
          "modality=text",
          "--set",
          "rightsBasis=contract",
          "--set",
          "usageWho=teams",
          "--set",
          "usagePurpose=training",
          "--set",
          "commercial=false",
          "--set",
          "termStart=2026-01-01",
          "--set",
          "termEnd=2099-12-31",
          "--set",
          "priceKrw=1000",
          "--set",
          "provenance=archive",
          "--set",
          "governmentFunded=false");
      once(
          lang,
          data,
          "registry",
          "version",
          "--dataset",
          d,
          "--version",
          "v1",
          "--bytes",
          "600",
          "--records",
          "60",
          "--built-by",
          t,
          "--opened");
      once(
          lang,
          data,
          "registry",
          "version",
          "--dataset",
          d,
          "--version",
          "v2",
          "--bytes",
          "1400",
          "--records",
          "40",
          "--built-by",
          t);
      once(
          lang,
          data,
          "registry",
          "agreement",
          "--id",
          "bi-deal-" + lang,
          "--supplier",
          s,
          "--team",
          t,
          "--dataset",
          d,
          "--start",
          "2026-01-01",
          "--end",
          "2099-12-30");
    }
    String t = "bi-team-en";
    String d = "bi-set-en";
    List<String> listed = new ArrayList<>(data);
    registry.suppliers().forEach(s -> listed.add(s.name()));
    registry.datasets().forEach(e -> listed.addAll(List.of(e.title(), e.licence())));
    check(listed, OK, "registry", "list");
    check(data, OK, "registry", "access", "--team", t, "--dataset", d, "--day", "2027-06-01");
    check(data, NO, "registry", "access", "--team", t, "--dataset", d, "--day", "2100-01-01");
    check(data, NO, "registry", "openness", "--team", t, "--stage", "2098-01-15");
    check(data, OK, "registry", "openness", "--team", t, "--unit", "records");
    for (String lang : List.of("ko", "en")) {
      once(lang, data, "registry", "team", "--id", "bi-team-" + lang, "--commercial", "--update");
    }
    check(data, NO, "registry", "access", "--team", t, "--dataset", d, "--day", "2027-06-01");
  }

  @Test
  void ledgerAndOffice() {
    // Other tests share this ledger and some break it on purpose: intact or not, both read.
    check(List.of(), Set.of(0, 1), "audit", "verify");
    // holders and emblem users are names as recorded (other tests in this context, the demo among
    // them, record designations of teams with Korean names): data, printed as written
    List<String> names = new ArrayList<>();
    Designations.registry(context.getBean(Ledger.class))
        .forEach(d -> {
          names.add(d.holder());
          names.addAll(d.emblemUsers());
        });
    check(names, OK, "office", "designations");
  }

  /**
   * The office's read-only commands on the shipped examples. The programme's own words (its name,
   * its sources' titles and notes, as its file writes them) are data, printed as written.
   */
  @Test
  void officeReadsTheShippedExamples() {
    OfficeProgramme seed = OfficeFiles.programme("seed-2025");
    List<String> words = new ArrayList<>(List.of(seed.programme()));
    seed.sources().forEach(s -> words.addAll(List.of(s.title(), s.note())));
    check(words, OK, "office", "check", "--programme", "seed-2025");
    check(words, Set.of(0, 1), "office", "eligibility", "--programme", "seed-2025");
    check(words, OK, "support", "talent", "--programme", "seed-2025");
    String institutes = OfficeFiles.programme("institutes").programme();
    check(List.of(institutes), OK, "portfolio", "show", "--programme", "institutes");
  }
}
