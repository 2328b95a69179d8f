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
      throw new UserError(
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
      throw new UserError(dir + ": cannot list (" + e.getMessage() + ")", e);
    }
    if (files.isEmpty()) {
      throw new UserError(
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
        throw new UserError(index + ": larger than 100 MB; not a safetensors index");
      }
      root = JsonMapper.shared().readTree(Files.readString(index));
    } catch (IOException | JacksonException e) {
      throw new UserError(index + ": not readable JSON (" + e.getMessage() + ")", e);
    }
    JsonNode map = root == null ? null : root.get("weight_map");
    if (map == null || !map.isObject()) {
      throw new UserError(index + ": lacks the 'weight_map' object of tensor name to shard file");
    }
    Map<String, String> wanted = new LinkedHashMap<>();
    TreeSet<String> shards = new TreeSet<>();
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      String shard = e.getValue().isString() ? e.getValue().stringValue() : "";
      if (shard.isEmpty() || shard.contains("/") || shard.contains("\\") || shard.startsWith(".")) {
        throw new UserError(
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
      throw new UserError(index + ": the index must be a file in the model's directory");
    }
    List<Path> files = new ArrayList<>();
    for (String shard : shards) {
      Path file = dir.resolve(shard);
      if (!Files.isRegularFile(file)) {
        throw new UserError(
            index + ": shard '" + shard + "' is missing from " + dir + "; download every shard");
      }
      files.add(file);
    }
    List<TensorInfo> tensors = merge(dir, files);
    for (TensorInfo t : tensors) {
      String shard = wanted.get(t.name());
      if (shard != null && !t.file().getFileName().toString().equals(shard)) {
        throw new UserError(
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
        throw new UserError(
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
          throw new UserError(
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
