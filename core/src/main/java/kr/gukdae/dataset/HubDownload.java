package kr.gukdae.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import kr.gukdae.UserError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches a data set repository's data files from the Hugging Face Hub into a local cache laid out
 * as the repository is ({@code <cache>/<owner>/<name>/<path>}), which is what {@code --data-dir}
 * reads. Only on request: nothing else in gukdae touches the network for data. Files already in the
 * cache are kept; a download lands in a temporary file and is moved into place when complete.
 */
public final class HubDownload {

  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][\\w.-]*/[A-Za-z0-9][\\w.-]*");
  private static final List<String> DATA = List.of(".parquet", ".csv", ".tsv", ".jsonl", ".json");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI endpoint;
  private final Path cache;
  private final @Nullable String token;
  private final HttpClient http;

  public HubDownload(URI endpoint, Path cache, @Nullable String token) {
    this.endpoint = URI.create(endpoint.toString().replaceAll("/+$", "") + "/");
    this.cache = cache;
    this.token = token == null || token.isBlank() ? null : token.strip();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** {@code HF_ENDPOINT} (default https://huggingface.co), {@code HF_TOKEN}, the default cache. */
  public static HubDownload fromEnvironment() {
    String endpoint = System.getenv().getOrDefault("HF_ENDPOINT", "https://huggingface.co");
    return new HubDownload(URI.create(endpoint), defaultCache(), System.getenv("HF_TOKEN"));
  }

  /** The Hub's base address. */
  public URI endpoint() {
    return endpoint;
  }

  /** {@code ~/.gukdae/datasets}: where downloads go and lm-eval YAML looks without --data-dir. */
  public static Path defaultCache() {
    return Path.of(System.getProperty("user.home"), ".gukdae", "datasets");
  }

  /** The data files the repository lists at {@code revision}, as paths inside the repo. */
  public List<String> dataFiles(String repo, String revision) {
    checkRepo(repo);
    URI uri = endpoint.resolve("api/datasets/" + repo + "/revision/" + encode(revision));
    byte[] body = get(uri, repo, "the file list");
    List<String> out = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (RuntimeException e) {
      throw UserError.of(
          uri + ": 허브가 JSON이 아닌 응답을 보냈습니다",
          uri + ": the Hub answered with something that is not JSON",
          e);
    }
    for (JsonNode sibling : root.path("siblings")) {
      String name = sibling.path("rfilename").asString("");
      String lower = name.toLowerCase(Locale.ROOT);
      if (DATA.stream().anyMatch(lower::endsWith) && safe(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /** Downloads every data file of the repository; returns the repo folder in the cache. */
  public Path download(String repo, String revision) {
    return download(repo, revision, dataFiles(repo, revision));
  }

  /** Downloads the named files (paths inside the repo) unless already cached. */
  public Path download(String repo, String revision, List<String> files) {
    checkRepo(repo);
    Path root = cache.resolve(repo).normalize();
    for (String file : files) {
      if (!safe(file)) {
        throw UserError.of(
            repo + ": 파일 이름 '" + file + "'을(를) 거부합니다 (저장소 폴더 밖을 가리킵니다)",
            repo + ": refusing file name '" + file + "' (leaves the repo folder)");
      }
      Path target = root.resolve(file).normalize();
      if (Files.isRegularFile(target)) {
        continue;
      }
      URI uri =
          endpoint.resolve("datasets/" + repo + "/resolve/" + encode(revision) + "/" + path(file));
      fetchTo(uri, repo, file, target);
    }
    return root;
  }

  private void fetchTo(URI uri, String repo, String file, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), ".download-", ".part");
      try {
        HttpResponse<InputStream> response =
            http.send(request(uri), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
          check(response.statusCode(), repo, file);
          Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw UserError.of(
          uri + ": 내려받기에 실패했습니다 (" + e.getMessage() + "). 다시 시도하세요",
          uri + ": download failed (" + e.getMessage() + "); try again",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw UserError.of(uri + ": 내려받기가 중단되었습니다", uri + ": download interrupted", e);
    }
  }

  private byte[] get(URI uri, String repo, String what) {
    try {
      HttpResponse<byte[]> response =
          http.send(request(uri), HttpResponse.BodyHandlers.ofByteArray());
      check(response.statusCode(), repo, what);
      return response.body();
    } catch (IOException e) {
      throw UserError.of(
          uri + ": 허브에 연결할 수 없습니다 (" + e.getMessage() + ")",
          uri + ": cannot reach the Hub (" + e.getMessage() + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw UserError.of(uri + ": 중단되었습니다", uri + ": interrupted", e);
    }
  }

  private HttpRequest request(URI uri) {
    var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET();
    builder.header("User-Agent", "gukdae");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder.build();
  }

  private void check(int status, String repo, String what) {
    String page = "https://huggingface.co/datasets/" + repo;
    if (status == 401 || status == 403) {
      throw UserError.of(
          repo
              + ": "
              + what
              + "은(는) 접근이 제한되었거나 비공개입니다 (HTTP "
              + status
              + "). "
              + page
              + "에서 데이터셋 이용 약관에 동의하고 HF_TOKEN을 그 계정의 토큰으로 설정하세요"
              + (token == null ? " (HF_TOKEN이 설정되지 않았습니다)" : ""),
          repo
              + ": "
              + what
              + " is gated or private (HTTP "
              + status
              + "); accept the data set's terms at "
              + page
              + " and set HF_TOKEN to a token of that account"
              + (token == null ? " (HF_TOKEN is not set)" : ""));
    }
    if (status == 404) {
      throw UserError.of(
          repo + ": " + what + "을(를) 찾을 수 없습니다 (HTTP 404). " + page + "에서 저장소 ID와 파일 이름을 확인하세요",
          repo + ": " + what + " not found (HTTP 404); check the repo id and file name at " + page);
    }
    if (status / 100 != 2) {
      throw UserError.of(
          repo + ": " + what + "이(가) HTTP " + status + "로 실패했습니다. 나중에 다시 시도하세요",
          repo + ": " + what + " failed with HTTP " + status + "; try again later");
    }
  }

  private static void checkRepo(String repo) {
    if (!REPO.matcher(repo).matches()) {
      throw UserError.of(
          "'" + repo + "'은(는) Hugging Face 데이터셋 ID(owner/name)가 아닙니다",
          "'" + repo + "' is not a Hugging Face data set id (owner/name)");
    }
  }

  private static boolean safe(String file) {
    return !file.isBlank()
        && !file.startsWith("/")
        && !file.contains("\\")
        && List.of(file.split("/")).stream().noneMatch(p -> p.equals("..") || p.isEmpty());
  }

  private static String path(String file) {
    List<String> parts = new ArrayList<>();
    for (String part : file.split("/")) {
      parts.add(encode(part));
    }
    return String.join("/", parts);
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
