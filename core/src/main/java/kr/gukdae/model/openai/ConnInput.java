package kr.gukdae.model.openai;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A connection's read buffer. Unlike {@link java.io.BufferedInputStream} it takes no lock per byte
 * (one thread owns a connection at a time), and it finds a header line's end by scanning the buffer
 * rather than reading byte by byte.
 */
final class ConnInput extends InputStream {

  private final InputStream in;
  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int limit;

  ConnInput(InputStream in) {
    this.in = in;
  }

  private boolean fill() throws IOException {
    pos = 0;
    limit = Math.max(0, in.read(buf, 0, buf.length));
    return limit > 0;
  }

  @Override
  public int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos == limit) {
      if (len >= buf.length) {
        return in.read(b, off, len); // large reads skip the copy
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return limit - pos + in.available();
  }

  /**
   * One header line without its CR LF, in ISO-8859-1; null when the stream ended before it began.
   * {@code budget[0]} is what the whole head may still take.
   */
  @Nullable String line(int[] budget, int maxHead) throws IOException {
    byte[] line = null;
    int length = 0;
    while (true) {
      if (pos == limit && !fill()) {
        if (line == null && length == 0) {
          return null;
        }
        throw new EOFException("connection closed in the middle of the answer's headers");
      }
      int end = pos;
      while (end < limit && buf[end] != '\n') {
        end++;
      }
      int n = end - pos;
      budget[0] -= n + (end < limit ? 1 : 0);
      if (budget[0] < 0) {
        throw new IOException("answer headers larger than " + maxHead + " bytes");
      }
      if (line == null && end < limit) { // the common case: the whole line is in the buffer
        String s = new String(buf, pos, trimCr(buf, pos, n), StandardCharsets.ISO_8859_1);
        pos = end + 1;
        return s;
      }
      line = line == null ? new byte[Math.max(64, n * 2)] : line;
      if (length + n > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
      }
      System.arraycopy(buf, pos, line, length, n);
      length += n;
      pos = end;
      if (end < limit) {
        pos++;
        return new String(line, 0, trimCr(line, 0, length), StandardCharsets.ISO_8859_1);
      }
    }
  }

  private static int trimCr(byte[] bytes, int from, int n) {
    return n > 0 && bytes[from + n - 1] == '\r' ? n - 1 : n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
