package kr.gukdae.app.arena;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.arena.Battle;
import kr.gukdae.arena.BattleFiles;
import kr.gukdae.arena.BattleSlice;
import kr.gukdae.arena.JudgeCheck;
import kr.gukdae.arena.Leaderboard;
import kr.gukdae.arena.Method;
import kr.gukdae.arena.RatingOptions;
import kr.gukdae.arena.Ratings;
import kr.gukdae.arena.VoterClass;
import kr.gukdae.cli.StandaloneCommand;
import kr.gukdae.cli.Terminal;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gukdae ratings}: a leaderboard from any battle file, no server or database needed. */
// Prototype: each command tree gets fresh option fields (picocli keeps parsed values in them).
@Component
@Scope("prototype")
@Command(
    name = "ratings",
    mixinStandardHelpOptions = true,
    description = {
      "Rate models from pairwise battles: Bradley-Terry with bootstrap intervals, online Elo or style-controlled Bradley-Terry. Reads FastChat clean_battle JSON/JSONL/CSV and llmfao CSV."
    })
class RatingsCommand implements StandaloneCommand {

  @Option(names = "--battles", required = true, paramLabel = "FILE", description = "battle file")
  Path battles;

  @Option(
      names = "--method",
      defaultValue = "bt",
      description = "bt, elo or style (default ${DEFAULT-VALUE})")
  String method;

  @Option(
      names = "--bootstrap",
      defaultValue = "100",
      paramLabel = "N",
      description = "bootstrap rounds for 95%% intervals; 0 = none (default ${DEFAULT-VALUE})")
  int bootstrap;

  @Option(
      names = "--seed",
      defaultValue = "" + RatingOptions.DEFAULT_SEED,
      description = "bootstrap seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--anchor", paramLabel = "MODEL=VALUE", description = "pin one model's rating")
  String anchor;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "csv, json or table (default ${DEFAULT-VALUE})")
  String format;

  @Option(
      names = "--min-battles",
      defaultValue = "0",
      paramLabel = "N",
      description = "drop models with fewer battles")
  int minBattles;

  @Option(names = "--category", description = "only battles of this category")
  String category;

  @Option(names = "--language", description = "only battles in this language (e.g. ko)")
  String language;

  @Option(
      names = "--voters",
      description =
          "only votes of PUBLIC or EXPERT judges, or VERIFIED (arena export: verified accounts)")
  String voters;

  @Option(
      names = "--expert",
      split = ",",
      paramLabel = "JUDGE",
      description = "judge ids that count as experts (also any id starting with 'expert:')")
  List<String> experts = List.of();

  @Option(
      names = "--check-judges",
      paramLabel = "Z",
      description = "also list judges whose votes fit the ratings worse than z < -Z")
  Double checkJudges;

  @Option(names = "--output", paramLabel = "FILE", description = "write here instead of stdout")
  Path output;

  @Override
  public Integer call() throws IOException {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!Set.of("csv", "json", "table").contains(fmt)) {
      throw UserError.of(
          "--format '" + format + "': csv, json, table 중 하나여야 합니다",
          "--format '" + format + "': expected csv, json or table");
    }
    if (bootstrap < 0 || minBattles < 0) {
      throw UserError.of(
          "--bootstrap과 --min-battles는 0 이상이어야 합니다",
          "--bootstrap and --min-battles must be 0 or more");
    }
    if (bootstrap > RatingOptions.MAX_BOOTSTRAP) {
      throw UserError.of(
          "--bootstrap " + bootstrap + ": 최대 " + RatingOptions.MAX_BOOTSTRAP + "회까지 줄 수 있습니다",
          "--bootstrap " + bootstrap + ": at most " + RatingOptions.MAX_BOOTSTRAP + " rounds");
    }
    if (checkJudges != null && !(checkJudges > 0)) {
      throw UserError.of(
          "--check-judges " + checkJudges + ": 0보다 큰 z 기준값을 주세요 (예: 3)",
          "--check-judges " + checkJudges + ": give a z threshold > 0, e.g. 3");
    }
    Method m = Method.parse(method);
    String who = voters == null ? "" : voters.toUpperCase(Locale.ROOT);
    if (!Set.of("", "PUBLIC", "EXPERT", "VERIFIED").contains(who)) {
      throw UserError.of(
          "--voters '" + voters + "': PUBLIC, EXPERT, VERIFIED 중 하나여야 합니다",
          "--voters '" + voters + "': expected PUBLIC, EXPERT or VERIFIED");
    }
    boolean verified = who.equals("VERIFIED");
    List<Battle> all = verified ? VerifiedBattles.read(battles) : BattleFiles.read(battles);
    BattleSlice slice =
        BattleSlice.all()
            .category(category)
            .language(language)
            .voters(
                who.isEmpty() || verified ? null : VoterClass.valueOf(who), new HashSet<>(experts))
            .minBattles(minBattles);
    List<Battle> chosen = slice.apply(all);
    var options =
        RatingOptions.builder()
            .bootstrap(bootstrap)
            .seed(seed)
            .anchor(anchor == null ? null : RatingOptions.Anchor.parse(anchor))
            .build();
    Leaderboard board = Ratings.rate(chosen, m, options);
    String text =
        switch (fmt) {
          case "csv" -> board.toCsv();
          case "json" -> board.toJson();
          default -> RatingsTable.of(board);
        };
    if (checkJudges != null) {
      text += judgeReport(Ratings.judgeOutliers(chosen, board, checkJudges), checkJudges);
    }
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
      System.out.println(
          Terminal.pick(
              output + "에 점수 " + board.ratings().size() + "개를 썼습니다",
              "wrote " + board.ratings().size() + " ratings to " + output));
    } else {
      System.out.print(text);
    }
    System.out.flush();
    return 0;
  }

  private static String judgeReport(List<JudgeCheck> checks, double z) {
    var out = new StringBuilder();
    long flagged = checks.stream().filter(JudgeCheck::flagged).count();
    out.append(
        String.format(
            Locale.ROOT,
            Terminal.pick(
                "# 심사자: %d명 검사, %d명 표시 (z < -%.2f)%n",
                "# judges: %d checked, %d flagged (z < -%.2f)%n"),
            checks.size(),
            flagged,
            z));
    for (JudgeCheck c : checks) {
      if (c.flagged()) {
        out.append(
            String.format(
                Locale.ROOT,
                Terminal.pick(
                    "# 표시된 심사자 %s: 투표 %d건 (승패 결정 %d건), z = %.2f%n",
                    "# flagged judge %s: %d votes (%d decisive), z = %.2f%n"),
                c.judge().replaceAll("\\p{Cntrl}", "?"),
                c.votes(),
                c.decisive(),
                c.z()));
      }
    }
    return out.toString();
  }
}
