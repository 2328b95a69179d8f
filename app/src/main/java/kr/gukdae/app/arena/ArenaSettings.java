package kr.gukdae.app.arena;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The arena's knobs ({@code gukdae.arena.*}). Models are specs opened through {@code
 * kr.gukdae.model.Models}, so OpenAI-compatible endpoints join the same way as the demo models.
 */
@ConfigurationProperties("gukdae.arena")
record ArenaSettings(
    @DefaultValue({"demo/lexical", "demo/lexical-50", "demo/lexical-20", "demo/constant"})
        List<String> models,
    @DefaultValue({}) List<String> leakTerms,
    @DefaultValue("2h") Duration battleTtl,
    @DefaultValue("30d") Duration sessionTtl,
    @DefaultValue("30") int votesPerMinute,
    @DefaultValue("10") int battlesPerMinute,
    @DefaultValue("200") int dailyVotesPublic,
    @DefaultValue("2000") int dailyVotesExpert,
    @DefaultValue("5") int maxTurns,
    @DefaultValue("4000") int maxPromptChars,
    @DefaultValue("512") int maxAnswerTokens,
    // votes per network (IPv4 /24, IPv6 /48) and minute from voters without a verified account: a
    // fresh
    // cookie costs nothing, a fresh network does
    @DefaultValue("30") int votesPerNetworkMinute) {

  ArenaSettings {
    models = List.copyOf(models);
    leakTerms = List.copyOf(leakTerms);
    if (models.stream().distinct().count() < 2) {
      throw new IllegalArgumentException(
          "gukdae.arena.models needs at least two different model specs, got " + models);
    }
    if (votesPerMinute < 1
        || battlesPerMinute < 1
        || dailyVotesPublic < 1
        || maxTurns < 1
        || votesPerNetworkMinute < 1) {
      throw new IllegalArgumentException("gukdae.arena limits must be positive");
    }
  }

  static ArenaSettings defaults(List<String> models) {
    return new ArenaSettings(
        models,
        List.of(),
        Duration.ofHours(2),
        Duration.ofDays(30),
        30,
        10,
        200,
        2000,
        5,
        4000,
        512,
        30);
  }

  int dailyCap(VoterClass voterClass) {
    return voterClass == VoterClass.PUBLIC ? dailyVotesPublic : dailyVotesExpert;
  }
}
