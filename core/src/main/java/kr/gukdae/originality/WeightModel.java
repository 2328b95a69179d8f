package kr.gukdae.originality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import kr.gukdae.UserError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model's weights on disk: one safetensors file, a directory of them, or a sharded model named by
 * {@code model.safetensors.index.json}. Only headers are read here; values are streamed later.
 */
public record WeightModel(String name, Path location, List<TensorInfo> tensors) {

  static final String INDEX = "model.safetensors.index.json";

  public WeightModel {
    tensors = List.copyOf(tensors);
  }

  public static WeightModel open(String name, Path location) {
    if (Files.isRegularFile(location)) {
      return new WeightModel(name, location, SafetensorsHeader.read(location).tensors());
    }
    if (!Files.isDirectory(location)) {
      throw UserError.of(
          location + ": 파일이나 디렉터리가 없습니다. .safetensors 파일이나 모델 디렉터리를 지정하세요",
          location
              + ": no such file or directory; give a .safetensors file or a"
              + " model directory");
    }
    Path index = location.resolve(INDEX);
    List<TensorInfo> tensors =
        Files.isRegularFile(index) ? fromIndex(index) : fromDirectory(location);
    return new WeightModel(name, location, tensors);
  }

  public long parameters() {
    return tensors.stream().mapToLong(TensorInfo::elements).sum();
  }

  public long bytes() {
    return tensors.stream().mapToLong(TensorInfo::bytes).sum();
  }

  public Optional<TensorInfo> tensor(String tensorName) {
    return tensors.stream().filter(t -> t.name().equals(tensorName)).findFirst();
  }

  private static List<TensorInfo> fromDirectory(Path dir) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted().toList();
    } catch (IOException e) {
      throw UserError.of(
          dir + ": 목록을 읽을 수 없습니다 (" + e.getMessage() + ")",
          dir + ": cannot list (" + e.getMessage() + ")",
          e);
    }
    if (files.isEmpty()) {
      throw UserError.of(
          dir + ": .safetensors 파일도 " + INDEX + " 파일도 없습니다. 가중치가 들어 있는 디렉터리를 지정하세요",
          dir
              + ": no .safetensors files and no "
              + INDEX
              + "; point at the directory that holds the weights");
    }
    return merge(dir, files);
  }

  private static List<TensorInfo> fromIndex(Path index) {
    JsonNode root;
    try {
      if (Files.size(index) > SafetensorsHeader.MAX_HEADER_BYTES) {
        throw UserError.of(
            index + ": 100 MB보다 큽니다. safetensors 인덱스가 아닙니다",
            index + ": larger than 100 MB; not a safetensors index");
      }
      root = JsonMapper.shared().readTree(Files.readString(index));
    } catch (IOException | JacksonException e) {
      throw UserError.of(
          index + ": 읽을 수 있는 JSON이 아닙니다 (" + e.getMessage() + ")",
          index + ": not readable JSON (" + e.getMessage() + ")",
          e);
    }
    JsonNode map = root == null ? null : root.get("weight_map");
    if (map == null || !map.isObject()) {
      throw UserError.of(
          index + ": 텐서 이름을 샤드 파일에 대응시키는 'weight_map' 객체가 없습니다",
          index + ": lacks the 'weight_map' object of tensor name to shard file");
    }
    Map<String, String> wanted = new LinkedHashMap<>();
    TreeSet<String> shards = new TreeSet<>();
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      String shard = e.getValue().isString() ? e.getValue().stringValue() : "";
      if (shard.isEmpty() || shard.contains("/") || shard.contains("\\") || shard.startsWith(".")) {
        throw UserError.of(
            index
                + ": weight_map['"
                + Sanitize.text(e.getKey(), 80)
                + "']은(는) 같은 디렉터리에 있는 샤드 파일 이름이어야 합니다",
            index
                + ": weight_map['"
                + Sanitize.text(e.getKey(), 80)
                + "'] must name a shard file in the same directory");
      }
      wanted.put(e.getKey(), shard);
      shards.add(shard);
    }
    Path dir = index.toAbsolutePath().getParent();
    if (dir == null) {
      throw UserError.of(
          index + ": 인덱스는 모델 디렉터리 안의 파일이어야 합니다",
          index + ": the index must be a file in the model's directory");
    }
    List<Path> files = new ArrayList<>();
    for (String shard : shards) {
      Path file = dir.resolve(shard);
      if (!Files.isRegularFile(file)) {
        throw UserError.of(
            index + ": 샤드 '" + shard + "'이(가) " + dir + "에 없습니다. 모든 샤드를 내려받으세요",
            index + ": shard '" + shard + "' is missing from " + dir + "; download every shard");
      }
      files.add(file);
    }
    List<TensorInfo> tensors = merge(dir, files);
    for (TensorInfo t : tensors) {
      String shard = wanted.get(t.name());
      if (shard != null && !t.file().getFileName().toString().equals(shard)) {
        throw UserError.of(
            index
                + ": 인덱스에는 '"
                + t.name()
                + "'이(가) "
                + shard
                + "에 있다고 되어 있지만 실제로는 "
                + t.file().getFileName()
                + "에 있습니다",
            index
                + ": says '"
                + t.name()
                + "' is in "
                + shard
                + " but it is in "
                + t.file().getFileName());
      }
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    tensors.forEach(t -> names.add(t.name()));
    for (String name : wanted.keySet()) {
      if (!names.contains(name)) {
        throw UserError.of(
            index + ": 텐서 '" + Sanitize.text(name, 120) + "'이(가) 샤드 " + wanted.get(name) + "에 없습니다",
            index
                + ": tensor '"
                + Sanitize.text(name, 120)
                + "' is not in shard "
                + wanted.get(name));
      }
    }
    return tensors;
  }

  private static List<TensorInfo> merge(Path dir, List<Path> files) {
    Map<String, TensorInfo> byName = new LinkedHashMap<>();
    for (Path file : files) {
      for (TensorInfo t : SafetensorsHeader.read(file).tensors()) {
        TensorInfo previous = byName.putIfAbsent(t.name(), t);
        if (previous != null) {
          throw UserError.of(
              dir
                  + ": 텐서 '"
                  + t.name()
                  + "'이(가) "
                  + previous.file().getFileName()
                  + "와(과) "
                  + file.getFileName()
                  + "에 모두 들어 있습니다",
              dir
                  + ": tensor '"
                  + t.name()
                  + "' appears in both "
                  + previous.file().getFileName()
                  + " and "
                  + file.getFileName());
        }
      }
    }
    return Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }
}
