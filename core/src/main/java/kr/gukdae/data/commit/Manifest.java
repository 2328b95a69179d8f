package kr.gukdae.data.commit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import kr.gukdae.UserError;
import kr.gukdae.data.DataJson;
import org.jspecify.annotations.Nullable;

/**
 * What a team says it will train on: its datasets (id, version, source kind, modality) and the
 * shards that hold them, each with its SHA-256, size and sampling weight. The Merkle root over the
 * shards is what the ledger records; see {@link MerkleTree}.
 */
public record Manifest(String format, String team, List<DatasetRef> datasets, List<Shard> shards) {

  public static final String FORMAT = "gukdae-training-manifest/1";
  static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");
  private static final String SOURCES = "PUBLIC, LICENSED, CRAWLED, USER, SYNTHETIC, OTHER";
  private static final String MODALITIES = "TEXT, IMAGE, AUDIO, VIDEO";

  /** Where the data came from, in the categories of the EU AI Act training-content summary. */
  public enum Source {
    PUBLIC,
    LICENSED,
    CRAWLED,
    USER,
    SYNTHETIC,
    OTHER
  }

  public enum Modality {
    TEXT,
    IMAGE,
    AUDIO,
    VIDEO
  }

  public record DatasetRef(
      String id,
      String version,
      String name,
      Source source,
      Modality modality,
      @Nullable String licence) {
    public DatasetRef {
      requireId("datasets[].id", id);
      requireId("dataset " + id + " version", version);
      if (name == null || name.isBlank()) {
        throw UserError.of(
            "dataset " + id + ": name이 비어 있습니다. 데이터셋 이름을 적으세요",
            "dataset " + id + ": name is required; write the dataset's name");
      }
      if (source == null || modality == null) {
        throw UserError.of(
            "dataset " + id + ": source(" + SOURCES + ")와 modality(" + MODALITIES + ")를 적으세요",
            "dataset "
                + id
                + ": source ("
                + SOURCES
                + ") and modality ("
                + MODALITIES
                + ") are required");
      }
    }

    String key() {
      return id + "@" + version;
    }
  }

  /** One file of training data; the leaf of the Merkle tree is its canonical JSON. */
  public record Shard(
      String path, String sha256, long bytes, String dataset, String version, double weight) {
    public Shard {
      if (path == null || path.isBlank() || path.contains("..") || path.startsWith("/")) {
        throw UserError.of(
            "shard path '" + path + "': 데이터 폴더 기준 상대 경로로 적으세요 ('..'와 '/'로 시작하는 경로는 안 됩니다)",
            "shard path '" + path + "': must be relative to the data root, without '..'");
      }
      sha256 = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
      if (!SHA256.matcher(sha256).matches()) {
        throw UserError.of(
            "shard " + path + ": sha256은 16진수 64자리여야 합니다 (sha256sum이 출력하는 값)",
            "shard " + path + ": sha256 must be 64 hex digits (sha256sum prints it)");
      }
      if (bytes < 0) {
        throw UserError.of(
            "shard " + path + ": bytes는 0 이상이어야 합니다 (파일 크기)",
            "shard " + path + ": bytes must be >= 0 (the file's size)");
      }
      requireId("shard " + path + " dataset", dataset);
      requireId("shard " + path + " version", version);
      if (!(weight >= 0) || Double.isInfinite(weight)) {
        throw UserError.of(
            "shard " + path + ": weight는 0 이상의 유한한 수여야 합니다",
            "shard " + path + ": weight must be a finite number >= 0");
      }
    }
  }

  public Manifest {
    if (!FORMAT.equals(format)) {
      throw UserError.of(
          "format: \"" + FORMAT + "\"이어야 합니다 (받은 값: " + format + ")",
          "format: must be \"" + FORMAT + "\", got " + format);
    }
    requireId("team", team);
    datasets = List.copyOf(datasets == null ? List.of() : datasets);
    shards = List.copyOf(shards == null ? List.of() : shards);
    if (shards.isEmpty()) {
      throw UserError.of(
          "shards: 비어 있습니다. 학습 데이터 파일(shard)을 하나 이상 적으세요",
          "shards: a manifest needs at least one shard");
    }
    Set<String> known = new HashSet<>();
    for (DatasetRef d : datasets) {
      if (!known.add(d.key())) {
        throw UserError.of(
            "dataset " + d.key() + ": 두 번 적혀 있습니다. 하나를 지우세요",
            "dataset " + d.key() + ": listed twice; remove one");
      }
    }
    Set<String> paths = new HashSet<>();
    for (Shard s : shards) {
      if (!paths.add(s.path())) {
        throw UserError.of(
            "shard " + s.path() + ": 두 번 적혀 있습니다. 하나를 지우세요",
            "shard " + s.path() + ": listed twice; remove one");
      }
      String key = s.dataset() + "@" + s.version();
      if (!known.contains(key)) {
        throw UserError.of(
            "shard " + s.path() + ": 데이터셋 " + key + "이 datasets에 없습니다. datasets에 추가하세요",
            "shard "
                + s.path()
                + ": names dataset "
                + key
                + ", which the manifest's datasets do not list; add it to datasets");
      }
    }
  }

  public static Manifest read(Path file) {
    return DataJson.read(file, Manifest.class);
  }

  /**
   * The shards in the order the tree uses: by path, so the root does not depend on listing order.
   */
  public List<Shard> leaves() {
    List<Shard> sorted = new ArrayList<>(shards);
    sorted.sort((a, b) -> a.path().compareTo(b.path()));
    return sorted;
  }

  public MerkleTree tree() {
    return MerkleTree.of(leaves());
  }

  public long totalBytes() {
    return shards.stream().mapToLong(Shard::bytes).sum();
  }

  /** Bytes per dataset key ({@code id@version}). */
  Map<String, Long> bytesByDataset() {
    Map<String, Long> out = new TreeMap<>();
    shards.forEach(s -> out.merge(s.dataset() + "@" + s.version(), s.bytes(), Long::sum));
    return out;
  }

  /** Weighted share of the sampling mixture per dataset key. */
  Map<String, Double> mixtureByDataset() {
    Map<String, Double> out = new TreeMap<>();
    double total = 0;
    for (Shard s : shards) {
      total += s.weight() * s.bytes();
    }
    for (Shard s : shards) {
      double w = total == 0 ? 0 : s.weight() * s.bytes() / total;
      out.merge(s.dataset() + "@" + s.version(), w, Double::sum);
    }
    return out;
  }

  private static void requireId(String what, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw UserError.of(
          what + " '" + value + "': 영문자, 숫자, '.', '_', '-', '/'로 된 1-200자여야 합니다",
          what + " '" + value + "': must be 1-200 letters, digits, '.', '_', '-' or '/'");
    }
  }
}
