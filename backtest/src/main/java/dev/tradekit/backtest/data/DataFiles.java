package dev.tradekit.backtest.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens data files as {@link LineReader}s, unwrapping {@code .gz} and single-entry {@code .zip}.
 */
final class DataFiles {

  private static final int BUFFER = 1 << 16;

  private DataFiles() {}

  static LineReader openLines(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    InputStream raw = null;
    try {
      raw = Files.newInputStream(file);
      InputStream in;
      if (name.endsWith(".gz")) {
        in = new GZIPInputStream(raw, BUFFER);
      } else if (name.endsWith(".zip")) {
        ZipInputStream zip = new ZipInputStream(new BufferedInputStream(raw, BUFFER));
        ZipEntry entry = zip.getNextEntry();
        while (entry != null && entry.isDirectory()) {
          entry = zip.getNextEntry();
        }
        if (entry == null) {
          zip.close();
          throw new IllegalArgumentException(file + " holds no file");
        }
        in = zip;
        return new LineReader(in, file + "!" + entry.getName());
      } else {
        in = raw;
      }
      return new LineReader(in, file.toString());
    } catch (IOException e) {
      closeQuietly(raw, e);
      throw new UncheckedIOException("opening " + file, e);
    }
  }

  private static void closeQuietly(
      @org.jspecify.annotations.Nullable InputStream in, Exception cause) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException suppressed) {
        cause.addSuppressed(suppressed);
      }
    }
  }
}
