package kr.gukdae.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;

/**
 * A spending as typed on {@code gukdae support spend} or posted: a blank item or a non-positive
 * amount names the field and the fix in both languages (the command puts "spending: " in front).
 */
class SpendingInputTest {

  private static final LocalDate ON = LocalDate.parse("2026-03-01");

  @Test
  void aBlankItemOrANonPositiveAmountIsNamed() {
    UserError item =
        catchThrowableOfType(
            UserError.class, () -> new SupportLedger.Spending("hanbit", " ", 10, ON));
    assertThat(item.message(true)).contains("item").contains("무엇을 샀는지");
    assertThat(item.message(false)).contains("item: required; say what the money bought");
    UserError amount =
        catchThrowableOfType(
            UserError.class, () -> new SupportLedger.Spending("hanbit", "corpus", 0, ON));
    assertThat(amount.message(true)).contains("amount는 0보다 큰").contains("받은 값 0");
    assertThat(amount.message(false)).contains("amount must be above 0 (KRW), got 0");
  }
}
