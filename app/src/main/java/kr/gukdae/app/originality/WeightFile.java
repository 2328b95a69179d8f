package kr.gukdae.app.originality;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.util.List;
import java.util.Objects;
import kr.gukdae.Sha256;
import kr.gukdae.UserError;
import kr.gukdae.originality.TensorInfo;
import kr.gukdae.originality.WeightModel;

/**
 * One safetensors file of a model's weights with its SHA-256: what an originality check compared,
 * pinned so that the stage can tell whether the check was about the weights the team submitted.
 * {@code file} is the name relative to the model's directory.
 */
public record WeightFile(String file, String sha256, long bytes) {

  public WeightFile {
    Objects.requireNonNull(file, "file");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative");
    }
  }

  /** Every safetensors file the model's tensors live in, hashed, sorted by name. */
  public static List<WeightFile> of(WeightModel model) {
    return files(model).stream().map(f -> hash(model, f)).toList();
  }

  /** One of the model's files, hashed now. */
  public static WeightFile of(WeightModel model, Path file) {
    return hash(model, file);
  }

  /** Each model's files by model name. */
  public static java.util.Map<String, List<WeightFile>> of(List<WeightModel> models) {
    java.util.Map<String, List<WeightFile>> out = new java.util.TreeMap<>();
    models.forEach(m -> out.put(m.name(), of(m)));
    return out;
  }

  /** The distinct files behind a model's tensors, sorted. */
  static List<Path> files(WeightModel model) {
    return model.tensors().stream().map(TensorInfo::file).distinct().sorted().toList();
  }

  /**
   * A stamp of the files (size and modification time) to compare before and after a long check: a
   * file replaced while it was being compared makes the check refuse rather than pin wrong hashes.
   */
  static List<String> stamp(WeightModel model) {
    return files(model).stream()
        .map(f -> {
          try {
            FileTime t = Files.getLastModifiedTime(f);
            return f + ":" + Files.size(f) + ":" + t.toMillis();
          } catch (IOException e) {
            throw UserError.unreadable(f, e);
          }
        })
        .toList();
  }

  /** The set of contents, whatever the files are called: what "the same weights" means. */
  public static List<String> contents(List<WeightFile> files) {
    return files.stream().map(WeightFile::sha256).sorted().toList();
  }

  private static WeightFile hash(WeightModel model, Path file) {
    Path base = Files.isDirectory(model.location()) ? model.location() : file.getParent();
    String name = base == null ? file.getFileName().toString() : base.relativize(file).toString();
    try (InputStream in = Files.newInputStream(file);
        DigestInputStream digest = new DigestInputStream(in, Sha256.digest())) {
      long n = digest.transferTo(java.io.OutputStream.nullOutputStream());
      return new WeightFile(name, Sha256.hex(digest.getMessageDigest()), n);
    } catch (IOException e) {
      throw UserError.of(
          file + ": 해시를 계산할 수 없습니다 (" + e.getMessage() + ")",
          file + ": cannot hash (" + e.getMessage() + ")",
          e);
    }
  }
}
