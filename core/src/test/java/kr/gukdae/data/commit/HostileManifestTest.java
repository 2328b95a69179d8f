package kr.gukdae.data.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest or proof file a team edited by hand: each wrong field is refused in Korean and
 * English, naming the file, the line and the field, through the same reader the CLI and REST use.
 */
class HostileManifestTest {

  @TempDir Path dir;

  private static final String HASH = "a".repeat(64);

  private static String shard(String path, String sha, String bytes, String weight) {
    return "{\"path\":\""
        + path
        + "\",\"sha256\":\""
        + sha
        + "\",\"bytes\":"
        + bytes
        + ",\"dataset\":\"d\",\"version\":\"v1\",\"weight\":"
        + weight
        + "}";
  }

  private static String manifest(String format, String team, String datasets, String shards) {
    return "{\"format\":\""
        + format
        + "\",\n\"team\":\""
        + team
        + "\",\n\"datasets\":["
        + datasets
        + "],\n\"shards\":["
        + shards
        + "]}";
  }

  private static final String DATASET =
      "{\"id\":\"d\",\"version\":\"v1\",\"name\":\"D\",\"source\":\"PUBLIC\",\"modality\":\"TEXT\"}";
  private static final String GOOD_SHARD = shard("a.jsonl", HASH, "1", "1");

  private UserError refusedManifest(String json) throws Exception {
    Path file = dir.resolve("manifest.json");
    Files.writeString(file, json);
    UserError e = catchThrowableOfType(UserError.class, () -> Manifest.read(file));
    assertThat(e).as(json).isNotNull();
    assertThat(e.getMessage()).contains(file.toString()).contains("line ");
    assertThat(UserError.hasKorean(e.message(true))).isTrue();
    assertThat(UserError.hasKorean(e.message(false))).as(e.getMessage()).isFalse();
    return e;
  }

  @Test
  void everyWrongManifestFieldIsNamedInBothLanguages() throws Exception {
    String ok = manifest(Manifest.FORMAT, "t", DATASET, GOOD_SHARD);
    record Case(String json, String korean, String english) {}
    List<Case> cases =
        List.of(
            new Case(
                ok.replace(Manifest.FORMAT, "gukdae-training-manifest/9"),
                "이어야 합니다",
                "format: must be"),
            new Case(ok.replace("\"team\":\"t\"", "\"team\":\"a b\""), "team 'a b'", "team 'a b'"),
            new Case(
                manifest(Manifest.FORMAT, "t", DATASET, ""), "shards: 비어", "at least one shard"),
            new Case(
                manifest(Manifest.FORMAT, "t", DATASET + "," + DATASET, GOOD_SHARD),
                "dataset d@v1: 두 번",
                "dataset d@v1: listed twice"),
            new Case(
                manifest(Manifest.FORMAT, "t", DATASET, GOOD_SHARD + "," + GOOD_SHARD),
                "shard a.jsonl: 두 번",
                "shard a.jsonl: listed twice"),
            new Case(
                manifest(Manifest.FORMAT, "t", "", GOOD_SHARD),
                "datasets에 없습니다",
                "add it to datasets"),
            new Case(
                ok.replace("\"name\":\"D\"", "\"name\":\" \""),
                "dataset d: name이",
                "dataset d: name is required"),
            new Case(ok.replace(",\"modality\":\"TEXT\"", ""), "modality(TEXT", "modality (TEXT"),
            new Case(
                ok.replace("\"id\":\"d\"", "\"id\":\"-x\""),
                "datasets[].id '-x'",
                "datasets[].id '-x': must be"),
            new Case(
                manifest(Manifest.FORMAT, "t", DATASET, shard("/etc/passwd", HASH, "1", "1")),
                "상대 경로",
                "without '..'"),
            new Case(
                manifest(Manifest.FORMAT, "t", DATASET, shard("a", "abc", "1", "1")),
                "shard a: sha256은",
                "shard a: sha256 must be 64 hex digits"),
            new Case(
                manifest(Manifest.FORMAT, "t", DATASET, shard("a", HASH, "-1", "1")),
                "shard a: bytes는",
                "shard a: bytes must be >= 0"),
            new Case(
                manifest(Manifest.FORMAT, "t", DATASET, shard("a", HASH, "1", "-2")),
                "shard a: weight는",
                "shard a: weight must be"));
    for (Case c : cases) {
      UserError e = refusedManifest(c.json());
      assertThat(e.message(true)).as(c.json()).contains(c.korean());
      assertThat(e.message(false)).as(c.json()).contains(c.english());
    }
  }

  @Test
  void everyWrongProofFieldIsNamedInBothLanguages() throws Exception {
    String leaf = shard("a.jsonl", HASH, "1", "1");
    String ok =
        "{\"format\":\""
            + InclusionProof.FORMAT
            + "\",\n\"root\":\""
            + HASH
            + "\",\n\"treeSize\":2,\"leafIndex\":1,\n\"leaf\":"
            + leaf
            + ",\n\"path\":[\""
            + HASH
            + "\"]}";
    Path good = dir.resolve("good.json");
    Files.writeString(good, ok);
    assertThat(InclusionProof.read(good).treeSize()).isEqualTo(2);
    record Case(String json, String korean, String english) {}
    List<Case> cases =
        List.of(
            new Case(ok.replace(InclusionProof.FORMAT, "x"), "이어야 합니다", "format: must be"),
            new Case(ok.replace("\"root\":\"" + HASH, "\"root\":\"ABC"), "root: 소문자", "root: must"),
            new Case(
                ok.replace("\"leafIndex\":1", "\"leafIndex\":2"),
                "leafIndex 2, treeSize 2",
                "need 0"),
            new Case(
                ok.replace("\"leaf\":" + leaf, "\"leaf\":null"), "leaf: 없습니다", "leaf: the shard"),
            new Case(
                ok.replace("\"path\":[\"" + HASH, "\"path\":[\"zz"), "path 'zz'", "path 'zz'"));
    for (Case c : cases) {
      Path file = dir.resolve("proof.json");
      Files.writeString(file, c.json());
      UserError e = catchThrowableOfType(UserError.class, () -> InclusionProof.read(file));
      assertThat(e).as(c.json()).isNotNull();
      assertThat(e.message(true)).as(c.json()).contains(file.toString()).contains(c.korean());
      assertThat(e.message(false)).as(c.json()).contains(c.english());
      assertThat(UserError.hasKorean(e.message(false))).isFalse();
    }
  }
}
