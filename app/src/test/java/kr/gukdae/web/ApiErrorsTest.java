package kr.gukdae.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body that Jackson reads but a record refuses in its constructor: the problem names the
 * field path and the record's reason, in both languages, instead of a bare "unreadable body".
 */
class ApiErrorsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Item(String id, int score) {
    Item {
      if (score < 0) {
        throw new IllegalArgumentException("score must be 0 or more, got " + score);
      }
      if (id.isBlank()) {
        throw new IllegalArgumentException(
            UserError.both("id는 비워 둘 수 없습니다", "id must not be blank"));
      }
    }
  }

  record Sheet(List<Item> items) {}

  @Test
  void aRecordsRefusalNamesTheFieldInBothLanguages() {
    ProblemDetail english =
        unreadable("{\"items\":[{\"id\":\"a\",\"score\":1},{\"id\":\"b\",\"score\":-4}]}");
    assertThat(english.getStatus()).isEqualTo(400);
    assertThat(english.getProperties())
        .containsEntry("error", "bad_input")
        .containsEntry("messageEn", "request body items[1]: score must be 0 or more, got -4");
    assertThat((String) english.getProperties().get("messageKo"))
        .startsWith("요청 본문 items[1]: 값이 올바르지 않습니다 (score must be 0 or more");

    ProblemDetail bilingual = unreadable("{\"items\":[{\"id\":\" \",\"score\":1}]}");
    assertThat(bilingual.getProperties())
        .containsEntry("messageKo", "요청 본문 items[0]: id는 비워 둘 수 없습니다")
        .containsEntry("messageEn", "request body items[0]: id must not be blank");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheFieldAndMalformedJsonStaysGeneric() {
    ProblemDetail type = unreadable("{\"items\":[{\"id\":\"a\",\"score\":\"many\"}]}");
    assertThat(type.getProperties()).containsEntry("error", "bad_json");
    assertThat((String) type.getProperties().get("messageEn"))
        .startsWith("request body items[0].score: wrong type or format");
    assertThat((String) type.getProperties().get("messageKo")).contains("형식이 맞지 않습니다");

    ProblemDetail broken = unreadable("{\"items\":");
    assertThat(broken.getProperties())
        .containsEntry("error", "bad_json")
        .containsEntry("messageEn", "request body: expected JSON of the documented shape");
  }

  private static ProblemDetail unreadable(String body) {
    JacksonException cause = null;
    try {
      JSON.readValue(body, Sheet.class);
    } catch (JacksonException e) {
      cause = e;
    }
    assertThat(cause).as(body).isNotNull();
    var e =
        new HttpMessageNotReadableException(
            "JSON parse error", cause, new MockHttpInputMessage(new byte[0]));
    ProblemDetail problem = new ApiErrors().unreadable(e).getBody();
    assertThat(problem).isNotNull();
    return problem;
  }
}
