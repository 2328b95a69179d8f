package kr.gukdae.app.arena;

import java.time.Duration;
import java.util.List;
import kr.gukdae.app.access.RateWindows;
import org.springframework.http.HttpStatus;

/**
 * The arena's per-minute limits (battles and votes per voter, votes per network) over the windows
 * every web instance shares in the database ({@link RateWindows}): a voter over the limit on one
 * instance is over it on all. Vote limits are counted inside the vote's own transaction ({@link
 * VoteAdmission}); the daily vote cap is counted there too, from the stored votes.
 */
final class Limits {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** One per-minute limit: what is limited ({@code "vote"}), for whom, and how many. */
  record Limit(String kind, String subject, int max) {
    RateWindows.Rule rule() {
      return new RateWindows.Rule(kind + ":" + subject, max, MINUTE);
    }

    ArenaException refusal() {
      return new ArenaException(
          HttpStatus.TOO_MANY_REQUESTS,
          "rate_limited",
          ""
              + kind
              + " 요청이 너무 많습니다: 1분에 최대 "
              + max
              + "회입니다. 잠시 후 다시 시도하세요 / too many "
              + kind
              + " requests: at most "
              + max
              + " a minute; wait and try again");
    }
  }

  private final RateWindows windows;

  Limits(RateWindows windows) {
    this.windows = windows;
  }

  /** Counts an attempt of {@code kind} and refuses when the last minute already had {@code max}. */
  void rate(String kind, String voterId, int max) {
    Limit limit = new Limit(kind, voterId, max);
    if (windows.acquire(List.of(limit.rule())) >= 0) {
      throw limit.refusal();
    }
  }

  RateWindows windows() {
    return windows;
  }

  static ArenaException dailyCap(int cap) {
    return new ArenaException(
        HttpStatus.TOO_MANY_REQUESTS,
        "daily_cap",
        "하루 투표 한도에 도달했습니다 (하루 "
            + cap
            + "표). 내일(UTC) 다시 오세요 / daily vote cap reached ("
            + cap
            + " votes a day); come back tomorrow (UTC)");
  }
}
