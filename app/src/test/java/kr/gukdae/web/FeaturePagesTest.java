package kr.gukdae.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class FeaturePagesTest extends SharedHttpContext {

  @LocalServerPort int port;

  @Test
  void everyFeaturePageIsServedAtItsFolderAndTheHomePageLinksToIt() throws Exception {
    var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    String home = get(http, "/").body();
    for (String feature : FeaturePages.FEATURES) {
      var page = get(http, "/" + feature);
      assertThat(page.statusCode()).as(feature).isEqualTo(200);
      assertThat(page.body()).as(feature).contains("<html", "/common/i18n.js");
      assertThat(home).contains("href=\"/" + feature + "/\"");
    }
  }

  private HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
