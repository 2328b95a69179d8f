package kr.gukdae.arena;

import java.util.Locale;
import kr.gukdae.UserError;

/** Which rating model a leaderboard came from. */
public enum Method {
  /** Bradley–Terry by maximum likelihood (FastChat's {@code compute_mle_elo}). */
  BT,
  /** Online Elo in file order (FastChat's {@code compute_online_elo}, K = 4). */
  ELO,
  /** Bradley–Terry with Markdown style covariates (FastChat's style control). */
  STYLE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Method parse(String text) {
    for (Method m : values()) {
      if (m.wireName().equalsIgnoreCase(text.strip())) {
        return m;
      }
    }
    throw UserError.of(
        "--method '" + text + "': bt, elo, style 중 하나를 쓰세요",
        "--method '" + text + "': expected bt, elo or style");
  }
}
