package dev.tradekit.backtest.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads ASCII lines from a byte stream into one reusable buffer, exposed as a {@link CharSequence};
 * no allocation per line once the buffer fits the longest line.
 */
final class LineReader implements CharSequence, AutoCloseable {

  private final InputStream in;
  private final String name;
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkLen;
  private byte[] line = new byte[1 << 12];
  private int length;
  private long lineNumber;
  private boolean eof;

  LineReader(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  /** Reads the next line (without its terminator); false at end of input. */
  boolean nextLine() {
    length = 0;
    boolean any = false;
    while (true) {
      if (chunkPos == chunkLen) {
        if (eof || !fill()) {
          if (any) {
            lineNumber++;
          }
          return any;
        }
      }
      any = true;
      while (chunkPos < chunkLen) {
        byte b = chunk[chunkPos++];
        if (b == '\n') {
          if (length > 0 && line[length - 1] == '\r') {
            length--;
          }
          lineNumber++;
          return true;
        }
        if (length == line.length) {
          line = Arrays.copyOf(line, length * 2);
        }
        line[length++] = b;
      }
    }
  }

  private boolean fill() {
    try {
      int n;
      do {
        n = in.read(chunk, 0, chunk.length);
      } while (n == 0);
      if (n < 0) {
        eof = true;
        return false;
      }
      chunkPos = 0;
      chunkLen = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name, e);
    }
  }

  /** 1-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** Source name, for error messages. */
  String name() {
    return name;
  }

  /** Where the current line is, for error messages: {@code file:line}. */
  String where() {
    return name + ":" + lineNumber;
  }

  /** Index of the first {@code c} at or after {@code from}, or -1. */
  int indexOf(char c, int from) {
    for (int i = from; i < length; i++) {
      if (line[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** True when the current line contains {@code s} at {@code at}. */
  boolean regionMatches(int at, String s) {
    if (at < 0 || at + s.length() > length) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (line[at + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return (char) (line[index] & 0xFF);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().substring(start, end);
  }

  @Override
  public String toString() {
    return new String(line, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing " + name, e);
    }
  }
}
