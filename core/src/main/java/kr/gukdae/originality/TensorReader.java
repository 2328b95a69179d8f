package kr.gukdae.originality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * Streams one tensor's values as floats, chunk by chunk, through memory-mapped windows of the file
 * (at most {@link #WINDOW_BYTES} each, so a tensor larger than 2 GB or than RAM is fine). Windows
 * are large so that the number of live mappings stays small until the GC unmaps them.
 */
final class TensorReader implements AutoCloseable {

  static final long WINDOW_BYTES = 256L * 1024 * 1024;

  private final TensorInfo tensor;
  private final FileChannel channel;
  private final int size;
  private long done;
  private @Nullable MappedByteBuffer window;
  private long windowStart;
  private @Nullable ByteBuffer rowBuffer;

  TensorReader(TensorInfo tensor) {
    this.tensor = tensor;
    this.size = tensor.dtype().size();
    try {
      this.channel = FileChannel.open(tensor.file(), StandardOpenOption.READ);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long remaining() {
    return tensor.elements() - done;
  }

  /** Fills up to {@code max} values into {@code out}; returns how many (0 at the end). */
  int next(float[] out, int max) {
    long left = remaining();
    if (left == 0) {
      return 0;
    }
    long byteOffset = done * size;
    MappedByteBuffer w = window;
    if (w == null || byteOffset >= windowStart + w.capacity()) {
      long bytesLeft = tensor.bytes() - byteOffset;
      long length = Math.min(bytesLeft, WINDOW_BYTES - WINDOW_BYTES % size);
      w = map(tensor.offset() + byteOffset, length);
      window = w;
      windowStart = byteOffset;
    }
    long inWindow = (windowStart + w.capacity() - byteOffset) / size;
    int count = (int) Math.min(Math.min(left, max), inWindow);
    tensor.dtype().decode(w, (int) (byteOffset - windowStart), out, count);
    done += count;
    return count;
  }

  /** Reads row {@code row} of the tensor seen as a matrix (random access, for permuted copies). */
  void readRow(long row, float[] out) {
    int cols = (int) tensor.cols();
    int bytes = cols * size;
    ByteBuffer buffer = rowBuffer;
    if (buffer == null || buffer.capacity() < bytes) {
      buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
      rowBuffer = buffer;
    }
    buffer.clear().limit(bytes);
    long position = tensor.offset() + row * bytes;
    try {
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          throw new IOException(tensor.file() + ": ends inside tensor " + tensor.name());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tensor.dtype().decode(buffer, 0, out, cols);
  }

  private MappedByteBuffer map(long position, long length) {
    try {
      MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, position, length);
      buffer.order(ByteOrder.LITTLE_ENDIAN);
      return buffer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
