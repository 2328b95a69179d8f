package kr.gukdae.lineage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;

/**
 * GET requests to the Hub API with the manners it asks for: a bearer token when given, waiting as
 * long as {@code Retry-After} says on 429/503 (capped), backing off on network errors, and giving
 * up with a clear error after a few tries.
 */
final class HubHttp {

  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  static final int MAX_BODY_CHARS = 64 << 20;

  /** Sleeps; tests pass one that records the wait instead. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** A page: its body, and the URL of the next page from the {@code Link} header, if any. */
  record Page(String body, @Nullable URI next) {}

  private final HttpClient client;
  private final HubCrawler.Settings settings;
  private final Sleeper sleeper;
  int requests;
  int retries;

  HubHttp(HttpClient client, HubCrawler.Settings settings, Sleeper sleeper) {
    this.client = client;
    this.settings = settings;
    this.sleeper = sleeper;
  }

  /** The page at {@code uri}, or null on 404 (deleted or private repo). */
  @Nullable Page get(URI uri) {
    for (int attempt = 0; ; attempt++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(60))
              .header("Accept", "application/json")
              .header("User-Agent", "gukdae-lineage/0.1");
      if (settings.token() != null) {
        request.header("Authorization", "Bearer " + settings.token());
      }
      Duration wait;
      try {
        requests++;
        HttpResponse<String> response =
            client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 200) {
          if (response.body().length() > MAX_BODY_CHARS) {
            throw UserError.of(
                uri + ": 응답이 64 MB보다 큽니다. 페이지 크기를 줄이세요",
                uri + ": response larger than 64 MB; lower the page size");
          }
          return new Page(response.body(), next(uri, response.headers().firstValue("Link")));
        }
        if (status == 404) {
          return null;
        }
        if (status != 429 && status != 503 && status < 500) {
          throw UserError.of(
              uri
                  + ": HTTP "
                  + status
                  + " 오류입니다. "
                  + (status == 401 || status == 403 ? "토큰(HF_TOKEN)을 확인하세요" : "엔드포인트 URL을 확인하세요"),
              uri
                  + ": HTTP "
                  + status
                  + (status == 401 || status == 403
                      ? "; check the token (HF_TOKEN)"
                      : "; check the endpoint URL"));
        }
        wait = retryAfter(response.headers().firstValue("Retry-After"), attempt);
        if (attempt >= settings.maxRetries()) {
          throw UserError.of(
              uri
                  + ": "
                  + (attempt + 1)
                  + "번 시도했지만 HTTP "
                  + status
                  + " 오류가 계속됩니다. 나중에 다시 실행하세요 (커서 파일이 진행 위치를 기억합니다)",
              uri
                  + ": HTTP "
                  + status
                  + " after "
                  + (attempt + 1)
                  + " tries; run again later (the cursor file keeps the place)");
        }
      } catch (IOException e) {
        if (attempt >= settings.maxRetries()) {
          throw UserError.of(
              uri
                  + ": 허브에 연결할 수 없습니다 ("
                  + e.getMessage()
                  + "). 네트워크나 --hub-endpoint를 확인한 뒤 다시 실행하면 이어서 진행합니다",
              uri
                  + ": cannot reach the Hub ("
                  + e.getMessage()
                  + "); check the network or --hub-endpoint, then run again to resume",
              e);
        }
        wait = backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw UserError.of(
            uri + ": 중단되었습니다. 다시 실행하면 이어서 진행합니다", uri + ": interrupted; run again to resume", e);
      }
      retries++;
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw UserError.of(
            uri + ": 기다리는 중에 중단되었습니다. 다시 실행하면 이어서 진행합니다",
            uri + ": interrupted while waiting; run again to resume",
            e);
      }
    }
  }

  Duration retryAfter(Optional<String> header, int attempt) {
    Duration wait = backoff(attempt);
    if (header.isPresent()) {
      String value = header.get().trim();
      try {
        wait = Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException notSeconds) {
        try {
          ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
          wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
        } catch (DateTimeParseException notADate) {
          // Unreadable header: keep the exponential backoff.
        }
      }
    }
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    return wait.compareTo(settings.maxRetryWait()) > 0 ? settings.maxRetryWait() : wait;
  }

  private static Duration backoff(int attempt) {
    return Duration.ofSeconds(1L << Math.min(attempt, 6));
  }

  static @Nullable URI next(URI base, Optional<String> link) {
    if (link.isEmpty()) {
      return null;
    }
    Matcher m = NEXT_LINK.matcher(link.get());
    return m.find() ? base.resolve(m.group(1)) : null;
  }
}
