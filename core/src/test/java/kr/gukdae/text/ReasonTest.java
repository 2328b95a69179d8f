package kr.gukdae.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kr.gukdae.Bilingual;
import kr.gukdae.ledger.CanonicalJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A reason is a code and a {@link Bilingual}, yet keeps the flat JSON the ledger has recorded. */
class ReasonTest {

  private final Reason reason = new Reason("NOT_RE_EARNED", "다시 얻지 못함", "not re-earned");

  @Test
  void hashesAsTheFlatShapeRecordedBefore() {
    // the canonical form ledger hashes are taken over: unchanged since reasons had codes
    assertThat(CanonicalJson.of(Map.of("reason", reason)))
        .isEqualTo(
            "{\"reason\":{\"code\":\"NOT_RE_EARNED\",\"en\":\"not re-earned\",\"ko\":\"다시 얻지 못함\"}}");
  }

  @Test
  void restJsonKeepsItsFieldsAndTheirOrder() {
    assertThat(JsonMapper.shared().writeValueAsString(reason))
        .isEqualTo("{\"code\":\"NOT_RE_EARNED\",\"ko\":\"다시 얻지 못함\",\"en\":\"not re-earned\"}");
  }

  @Test
  void readsBackTheRecordedShape() {
    String stored = "{\"code\":\"NOT_RE_EARNED\",\"en\":\"not re-earned\",\"ko\":\"다시 얻지 못함\"}";
    assertThat(CanonicalJson.read(CanonicalJson.parse(stored), Reason.class)).isEqualTo(reason);
  }

  @Test
  void anEnglishOnlyRecordReadsBackAsRecorded() {
    Reason old =
        CanonicalJson.read(
            Reason.structured(CanonicalJson.parse("\"not re-earned at stage 2\"")), Reason.class);
    assertThat(old).isEqualTo(Reason.recorded("not re-earned at stage 2"));
    assertThat(old.code()).isEqualTo(Reason.RECORDED);
    assertThat(old.in(true)).isEqualTo("not re-earned at stage 2");
  }

  @Test
  void thenJoinsBothLanguagesUnderTheFirstCode() {
    Reason both = reason.then(new Reason("X", "과반 필요", "a majority is needed"));
    assertThat(both.code()).isEqualTo("NOT_RE_EARNED");
    assertThat(both.text())
        .isEqualTo(new Bilingual("다시 얻지 못함; 과반 필요", "not re-earned; a majority is needed"));
  }

  @Test
  void plusAddsASentenceAndSkipsEmptyOnes() {
    Bilingual empty = new Bilingual("", "");
    Bilingual one = empty.plus(new Bilingual("하나.", "One.")).plus(empty);
    assertThat(one).isEqualTo(new Bilingual("하나.", "One."));
    assertThat(one.plus(new Bilingual("둘.", "Two.")))
        .isEqualTo(new Bilingual("하나. 둘.", "One. Two."));
  }
}
