package kr.gukdae.app.lineage;

import kr.gukdae.lineage.CountRules;
import org.jspecify.annotations.Nullable;

/**
 * The counting rules as query parameters, shared by {@code /count} and {@code /evidence} (and by
 * lineage jobs, which carry them in their spec); absent ones take the same defaults as the CLI.
 */
public record RulesQuery(
    @Nullable String since,
    @Nullable String until,
    @Nullable Boolean excludeTeam,
    @Nullable String teamOwners,
    @Nullable Boolean requireWeights,
    @Nullable Integer minCardChars,
    @Nullable Integer minDownloads,
    @Nullable Integer minLikes,
    @Nullable Integer maxPerOwner) {

  /** Every rule at its default, as the CLI's. */
  public static final RulesQuery DEFAULTS = since(null);

  /** The defaults, counting from {@code since} (YYYY-MM-DD; null: no lower bound). */
  public static RulesQuery since(@Nullable String since) {
    return new RulesQuery(since, null, null, null, null, null, null, null, null);
  }

  public CountRules rules() {
    return LineageController.rules(
        since,
        until,
        excludeTeam == null || excludeTeam,
        teamOwners == null ? "" : teamOwners,
        requireWeights == null || requireWeights,
        minCardChars == null ? 100 : minCardChars,
        minDownloads == null ? 0 : minDownloads,
        minLikes == null ? 0 : minLikes,
        maxPerOwner == null ? 10 : maxPerOwner);
  }
}
