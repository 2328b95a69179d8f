package kr.gukdae.lineage;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * The counting window and anti-gaming rules. Every rule can be switched off (false or 0) and the
 * explanation names each one with how many repos it removed, so a team can see why a repo did not
 * count.
 *
 * @param since first instant counted (inclusive), or null for no lower bound
 * @param until end of the window (exclusive), or null for no upper bound
 * @param excludeTeamOwners leave out derivatives uploaded by the root's owner or {@code teamOwners}
 * @param teamOwners further Hub accounts that belong to the root's team
 * @param requireWeights leave out repos whose file list shows no weights
 * @param minCardChars leave out repos whose card prose is known and shorter than this
 * @param minDownloads leave out repos with fewer downloads (when known)
 * @param minLikes leave out repos with fewer likes (when known)
 * @param maxPerOwner count at most this many derivatives per owner, earliest first; 0 = no cap
 */
public record CountRules(
    @Nullable Instant since,
    @Nullable Instant until,
    boolean excludeTeamOwners,
    Set<String> teamOwners,
    boolean requireWeights,
    int minCardChars,
    int minDownloads,
    int minLikes,
    int maxPerOwner) {

  public CountRules {
    teamOwners = Set.copyOf(teamOwners);
    // The REST query and the job request hand these over as a person typed them.
    if (minCardChars < 0 || minDownloads < 0 || minLikes < 0 || maxPerOwner < 0) {
      throw UserError.of(
          "minCardChars, minDownloads, minLikes, maxPerOwner는 0 이상이어야 합니다 (받은 값 "
              + List.of(minCardChars, minDownloads, minLikes, maxPerOwner)
              + ")",
          "minCardChars, minDownloads, minLikes and maxPerOwner must be 0 or more (got "
              + List.of(minCardChars, minDownloads, minLikes, maxPerOwner)
              + ")");
    }
    if (since != null && until != null && !since.isBefore(until)) {
      throw UserError.of(
          "since " + since + "이(가) until " + until + "보다 앞이어야 합니다. 두 날짜를 바꾸어 주세요",
          "since " + since + " is not before until " + until + "; swap the two dates");
    }
  }

  /** The defaults: team re-uploads, weightless repos and empty cards out; 10 per owner at most. */
  public static CountRules defaults() {
    return new CountRules(null, null, true, Set.of(), true, 100, 0, 0, 10);
  }

  public CountRules window(@Nullable Instant from, @Nullable Instant to) {
    return new CountRules(
        from,
        to,
        excludeTeamOwners,
        teamOwners,
        requireWeights,
        minCardChars,
        minDownloads,
        minLikes,
        maxPerOwner);
  }

  public CountRules thresholds(int cardChars, int downloads, int likes, int perOwner) {
    return new CountRules(
        since,
        until,
        excludeTeamOwners,
        teamOwners,
        requireWeights,
        cardChars,
        downloads,
        likes,
        perOwner);
  }

  public CountRules owners(boolean exclude, Set<String> team) {
    return new CountRules(
        since,
        until,
        exclude,
        team,
        requireWeights,
        minCardChars,
        minDownloads,
        minLikes,
        maxPerOwner);
  }

  public CountRules weights(boolean required) {
    return new CountRules(
        since,
        until,
        excludeTeamOwners,
        teamOwners,
        required,
        minCardChars,
        minDownloads,
        minLikes,
        maxPerOwner);
  }

  /** No filters at all: every reachable derivative in the window counts. */
  public CountRules unfiltered() {
    return new CountRules(since, until, false, Set.of(), false, 0, 0, 0, 0);
  }
}
