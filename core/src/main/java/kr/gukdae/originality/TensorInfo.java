package kr.gukdae.originality;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor of a safetensors file: where its bytes lie ({@code offset} is absolute in {@code
 * file}) and how to read them.
 */
public record TensorInfo(
    String name, DType dtype, long[] shape, Path file, long offset, long bytes) {

  public TensorInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(file, "file");
    shape = shape.clone();
    if (offset < 0 || bytes != elements(shape) * dtype.size()) {
      // SafetensorsHeader refuses such a header as a UserError first
      throw new IllegalArgumentException("bug: inconsistent tensor " + name);
    }
  }

  public long elements() {
    return elements(shape);
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  /** Rows and columns of the tensor seen as a matrix (leading dims folded into rows). */
  public long rows() {
    // an empty tensor (a zero in its shape) has no rows to read
    return shape.length == 0
        ? 1
        : shape[shape.length - 1] == 0 ? 0 : elements() / shape[shape.length - 1];
  }

  public long cols() {
    return shape.length == 0 ? 1 : shape[shape.length - 1];
  }

  public String shapeText() {
    return Arrays.toString(shape);
  }

  static long elements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorInfo t
        && name.equals(t.name)
        && dtype == t.dtype
        && Arrays.equals(shape, t.shape)
        && file.equals(t.file)
        && offset == t.offset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dtype, Arrays.hashCode(shape), file, offset);
  }

  @Override
  public String toString() {
    return name + " " + dtype + shapeText();
  }
}
