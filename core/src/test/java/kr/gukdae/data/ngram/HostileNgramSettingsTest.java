package kr.gukdae.data.ngram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;
import org.junit.jupiter.api.Test;

/** A normaliser typed wrong, or an n-gram header edited by hand: refused in both languages. */
class HostileNgramSettingsTest {

  @Test
  void anUnknownNormaliserNamesTheChoices() {
    UserError e = catchThrowableOfType(UserError.class, () -> Normaliser.fromId("nori-9"));
    assertThat(e.message(true)).contains("normaliser 'nori-9'").contains("nori-2").contains("쓰세요");
    assertThat(e.message(false)).contains("normaliser 'nori-9': unknown; use nori-1");
    // the same refusal where a header names it
    String params =
        "{\"n\":13,\"normaliser\":\"nori-9\",\"hash\":\""
            + NgramHash.ID
            + "\",\"log2Bits\":16,"
            + "\"hashes\":5}";
    UserError inFile =
        catchThrowableOfType(
            UserError.class,
            () -> DataJson.read("team.ngrams (header)", params, NgramParams.class));
    assertThat(inFile.message(true)).contains("team.ngrams (header)").contains("nori-9");
    assertThat(inFile.message(false)).contains("team.ngrams (header)").contains("use nori-1");
  }

  @Test
  void anEditedHeaderIsRefusedWithTheFix() {
    String params =
        "{\"n\":13,\"normaliser\":\"nori-1\",\"hash\":\""
            + NgramHash.ID
            + "\",\"log2Bits\":16,"
            + "\"hashes\":5}";
    String wrongFormat =
        "{\"format\":\"gukdae-ngrams/0\",\"params\":"
            + params
            + ",\"ngrams\":1,\"documents\":1,"
            + "\"bytes\":1}";
    UserError e =
        catchThrowableOfType(
            UserError.class,
            () -> DataJson.read("t.ngrams (header)", wrongFormat, NgramFilter.Header.class));
    assertThat(e.message(true)).contains("t.ngrams (header)").contains("다시 만드세요");
    assertThat(e.message(false)).contains("format: must be gukdae-ngrams/1").contains("rebuild");
    String negative =
        wrongFormat.replace("ngrams/0", "ngrams/1").replace("\"ngrams\":1", "\"ngrams\":-1");
    UserError n =
        catchThrowableOfType(
            UserError.class,
            () -> DataJson.read("t.ngrams (header)", negative, NgramFilter.Header.class));
    assertThat(n.message(true)).contains("음수");
    assertThat(n.message(false)).contains("non-negative ngrams");
  }
}
