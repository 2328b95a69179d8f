package kr.gukdae.openness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import kr.gukdae.UserError;
import kr.gukdae.text.Reason;

/**
 * Reads a released repository (a local folder: a Hugging Face or Git checkout) and derives its
 * open-source level from the files themselves: the licence text or model-card {@code license:}
 * field, weight files, training code and data files. Nothing the team declares is trusted.
 */
public final class OpenSourceCheck {

  private static final int MAX_FILES = 100_000;
  private static final long MAX_LICENCE_BYTES = 1 << 20;

  private OpenSourceCheck() {}

  /** What was found, and the level it implies, with the reasons in Korean and English. */
  public record Finding(
      OpenLevel level,
      String licence,
      boolean commercialUse,
      int weightFiles,
      int codeFiles,
      int dataFiles,
      List<Reason> reasons) {}

  public static Finding inspect(Path repo) {
    if (!Files.isDirectory(repo)) {
      throw UserError.of(
          repo + ": 폴더가 아닙니다. 공개한 저장소의 체크아웃을 지정하세요",
          repo + ": not a folder; give the released repository's checkout");
    }
    int weights = 0;
    int code = 0;
    int data = 0;
    String licenceText = "";
    try (Stream<Path> files = Files.walk(repo, 8)) {
      List<Path> all = files.filter(Files::isRegularFile).limit(MAX_FILES).toList();
      for (Path p : all) {
        if (p.toString().contains("/.git/")) {
          continue;
        }
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".safetensors") || name.endsWith(".gguf") || name.endsWith(".bin")) {
          weights++;
        } else if (name.endsWith(".py") || name.endsWith(".sh") || name.endsWith(".java")) {
          code++;
        } else if (name.endsWith(".jsonl")
            || name.endsWith(".parquet")
            || name.equals("datasheet.md")) {
          data++;
        }
        if (name.startsWith("license") || name.startsWith("licence") || name.equals("readme.md")) {
          if (Files.size(p) <= MAX_LICENCE_BYTES) {
            licenceText += "\n" + Files.readString(p, StandardCharsets.UTF_8);
          }
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw UserError.of(
          repo + ": 저장소를 읽을 수 없습니다 (" + e.getMessage() + ")",
          repo + ": cannot read the repository (" + e.getMessage() + ")",
          e);
    }
    Licences.Known licence = Licences.identify(licenceText);
    List<Reason> reasons = new ArrayList<>();
    reasons.add(
        new Reason(
            "LICENCE",
            "라이선스: " + licence.id() + (licence.commercial() ? " (상업 이용 허용)" : " (상업 이용 불가)"),
            "licence: "
                + licence.id()
                + (licence.commercial() ? " (commercial use allowed)" : " (no commercial use)")));
    reasons.add(
        new Reason(
            "FILES",
            "가중치 파일 " + weights + "개, 코드 파일 " + code + "개, 데이터 파일 " + data + "개",
            weights + " weight file(s), " + code + " code file(s), " + data + " data file(s)"));
    OpenLevel level;
    if (weights == 0) {
      level = OpenLevel.CLOSED;
      reasons.add(
          new Reason(
              "NO_WEIGHTS",
              "가중치 파일(.safetensors, .gguf, .bin)이 없습니다: 비공개",
              "no weight files (.safetensors, .gguf, .bin): closed"));
    } else if (!licence.commercial()) {
      level = OpenLevel.RESEARCH_ONLY;
    } else if (code > 0 && data > 0) {
      level = OpenLevel.FULL_OPEN;
    } else {
      level = OpenLevel.OPEN_WEIGHTS_COMMERCIAL;
      if (code == 0 || data == 0) {
        reasons.add(
            new Reason(
                "FULL_NEEDS_CODE_AND_DATA",
                "완전 공개에는 학습 코드와 데이터(또는 datasheet.md)도 필요합니다",
                "full openness also needs training code and data (or datasheet.md)"));
      }
    }
    return new Finding(level, licence.id(), licence.commercial(), weights, code, data, reasons);
  }
}
