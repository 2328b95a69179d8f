package kr.gukdae.app.workers;

import kr.gukdae.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Job specs and piece results as JSON; an unknown key is an error, as in every gukdae file. */
final class JobJson {

  static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private JobJson() {}

  static String write(Object value) {
    return JSON.writeValueAsString(value);
  }

  static <T> T read(String json, Class<T> type, String what) {
    try {
      return JSON.readValue(json, type);
    } catch (JacksonException e) {
      throw UserError.of(
          what
              + ": 이 워커가 이해하지 못하는 형식입니다 ("
              + e.getOriginalMessage()
              + "). 제출한 쪽과 같은 gukdae 버전의 워커를 실행하세요",
          what
              + " is not one this worker understands ("
              + e.getOriginalMessage()
              + "); run workers of the same gukdae version as the submitter");
    }
  }

  static <T> T read(String json, TypeReference<T> type, String what) {
    try {
      return JSON.readValue(json, type);
    } catch (JacksonException e) {
      throw UserError.of(
          what + ": 읽을 수 없습니다 (" + e.getOriginalMessage() + ")",
          what + " cannot be read (" + e.getOriginalMessage() + ")");
    }
  }
}
