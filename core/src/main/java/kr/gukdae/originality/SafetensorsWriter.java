package kr.gukdae.originality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes safetensors files (single or sharded with an index), used for demo and test models. Values
 * come from a supplier per tensor so that only one tensor is in memory at a time.
 */
public final class SafetensorsWriter {

  /** A tensor to write; {@code values} is called once, when its bytes are written. */
  public record Entry(String name, long[] shape, Supplier<float[]> values) {
    public Entry {
      shape = shape.clone();
    }

    long elements() {
      return TensorInfo.elements(shape);
    }
  }

  private SafetensorsWriter() {}

  public static void write(Path file, DType dtype, List<Entry> entries) {
    write(file, dtype, entries, Map.of());
  }

  /** Writes one file; {@code metadata} goes into {@code __metadata__} next to format=pt. */
  public static void write(
      Path file, DType dtype, List<Entry> entries, Map<String, String> metadata) {
    ObjectNode header = JsonMapper.shared().createObjectNode();
    ObjectNode meta = header.putObject("__metadata__").put("format", "pt");
    metadata.forEach(meta::put);
    long offset = 0;
    for (Entry e : entries) {
      long bytes = e.elements() * dtype.size();
      ObjectNode t = header.putObject(e.name());
      t.put("dtype", dtype.name());
      var shape = t.putArray("shape");
      for (long d : e.shape()) {
        shape.add(d);
      }
      t.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
    }
    byte[] json = JsonMapper.shared().writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8; // keeps the data 8-byte aligned, as the reference does
    try (FileChannel out =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
      head.putLong(padded).put(json);
      while (head.hasRemaining()) {
        head.put((byte) ' ');
      }
      writeAll(out, head.flip());
      ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
      for (Entry e : entries) {
        float[] values = e.values().get();
        if (values.length != e.elements()) {
          throw new IllegalArgumentException(
              "bug: " + e.name() + ": " + values.length + " values for shape");
        }
        for (float v : values) {
          if (chunk.remaining() < 8) {
            writeAll(out, chunk.flip());
            chunk.clear();
          }
          dtype.encode(chunk, v);
        }
      }
      writeAll(out, chunk.flip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Splits the entries over {@code shards} files and writes {@code model.safetensors.index.json}.
   */
  public static void writeSharded(
      Path dir, DType dtype, List<Entry> entries, int shards, Map<String, String> metadata) {
    try {
      Files.createDirectories(dir);
      Map<String, String> weightMap = new LinkedHashMap<>();
      int perShard = (entries.size() + shards - 1) / shards;
      for (int s = 0; s < shards; s++) {
        List<Entry> part =
            new ArrayList<>(
                entries.subList(
                    Math.min(entries.size(), s * perShard),
                    Math.min(entries.size(), (s + 1) * perShard)));
        String file = String.format(Locale.ROOT, "model-%05d-of-%05d.safetensors", s + 1, shards);
        write(dir.resolve(file), dtype, part, metadata);
        part.forEach(e -> weightMap.put(e.name(), file));
      }
      ObjectNode index = JsonMapper.shared().createObjectNode();
      index
          .putObject("metadata")
          .put("total_size", entries.stream().mapToLong(Entry::elements).sum() * dtype.size());
      ObjectNode map = index.putObject("weight_map");
      weightMap.forEach(map::put);
      Files.writeString(
          dir.resolve(WeightModel.INDEX),
          JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(index));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeAll(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }
}
