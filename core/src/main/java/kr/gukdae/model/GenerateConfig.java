package kr.gukdae.model;

import java.util.List;
import kr.gukdae.UserError;

/**
 * Decoding settings for one generation. Defaults are greedy, because benchmark numbers must be
 * reproducible.
 */
public record GenerateConfig(int maxTokens, double temperature, long seed, List<String> stop) {

  public static final GenerateConfig GREEDY = new GenerateConfig(1024, 0.0, 0L, List.of());

  public GenerateConfig {
    if (maxTokens <= 0) {
      throw UserError.of(
          "maxTokens는 양수여야 합니다 (받은 값 " + maxTokens + ")",
          "maxTokens must be positive, got " + maxTokens);
    }
    if (temperature < 0) {
      throw UserError.of(
          "temperature는 0 이상이어야 합니다 (받은 값 " + temperature + ")",
          "temperature must be >= 0, got " + temperature);
    }
    stop = List.copyOf(stop);
  }

  public GenerateConfig withMaxTokens(int value) {
    return new GenerateConfig(value, temperature, seed, stop);
  }

  public GenerateConfig withStop(List<String> value) {
    return new GenerateConfig(maxTokens, temperature, seed, value);
  }
}
