package kr.gukdae.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimeTest {

  @Test
  void agreesWithInstantParseOnRandomInstantsInBothHubForms() {
    Random random = new Random(7);
    DateTimeFormatter millis =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC);
    DateTimeFormatter seconds =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC);
    for (int i = 0; i < 20_000; i++) {
      Instant t = Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L));
      assertThat(IsoTime.parse(millis.format(t))).isEqualTo(t.toEpochMilli());
      assertThat(IsoTime.parse(seconds.format(t))).isEqualTo(t.getEpochSecond() * 1000);
    }
    assertThat(IsoTime.parse("2025-09-01T00:00:00+09:00"))
        .isEqualTo(Instant.parse("2025-08-31T15:00:00Z").toEpochMilli());
    assertThatThrownBy(() -> IsoTime.parse("2025-02-30T00:00:00Z"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoTime.parse("yesterday")).isInstanceOf(DateTimeParseException.class);
  }
}
