package dev.tradekit.backtest.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a cryptofeed Binance USD-M recording directory: first every REST depth snapshot of {@code
 * BINANCE_FUTURES.http.0.0} (lines {@code <url> -> <unix s>: <body>}, the symbol taken from the
 * url's {@code symbol=}), then the frames of {@code BINANCE_FUTURES.ws.1.0} (a header line, then
 * {@code <unix s>: <frame>}) in file order.
 */
final class CryptofeedRecordingReader implements MarketDataSource {

  static final String HTTP_FILE = "BINANCE_FUTURES.http.0.0";
  static final String WS_FILE = "BINANCE_FUTURES.ws.1.0";

  private final Path wsFile;
  private final SymbolScales scales;
  private final BinanceJsonParser parser;
  private LineReader lines;
  private boolean inWs;

  CryptofeedRecordingReader(Path dir, SymbolScales scales) {
    Path http = dir.resolve(HTTP_FILE);
    this.wsFile = dir.resolve(WS_FILE);
    if (!Files.isRegularFile(http) || !Files.isRegularFile(wsFile)) {
      throw new IllegalArgumentException(
          dir + " must hold " + HTTP_FILE + " and " + WS_FILE + " (a cryptofeed recording)");
    }
    this.scales = scales;
    this.parser = new BinanceJsonParser(scales);
    this.lines = DataFiles.openLines(http);
  }

  @Override
  public boolean next(MarketEvent into) {
    while (true) {
      if (!lines.nextLine()) {
        if (inWs) {
          return false;
        }
        lines.close();
        lines = DataFiles.openLines(wsFile);
        inWs = true;
        continue;
      }
      try {
        if (inWs ? wsLine(into) : httpLine(into)) {
          return true;
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(lines.where() + ": " + e.getMessage(), e);
      }
    }
  }

  private boolean httpLine(MarketEvent into) {
    int arrow = indexOf(" -> ", 0);
    if (arrow < 0) {
      return false;
    }
    int colon = indexOf(": ", arrow + 4);
    int symbolAt = indexOf("symbol=", 0);
    if (colon < 0 || symbolAt < 0 || symbolAt > arrow) {
      return false;
    }
    int from = symbolAt + "symbol=".length();
    int to = from;
    while (to < arrow && lines.charAt(to) != '&' && lines.charAt(to) != ' ') {
      to++;
    }
    int symbol = scales.find(lines, from, to);
    if (symbol < 0) {
      throw new IllegalStateException(
          "no TickScale for symbol " + lines.subSequence(from, to) + " (known: " + scales + ")");
    }
    long nanos = secondsToNanos(lines, arrow + 4, colon);
    return parser.parse(lines, colon + 2, nanos, symbol, into);
  }

  private boolean wsLine(MarketEvent into) {
    if (lines.length() == 0 || lines.charAt(0) < '0' || lines.charAt(0) > '9') {
      return false; // the header line with the stream url
    }
    int colon = indexOf(": ", 0);
    if (colon < 0) {
      throw new IllegalStateException("expected '<unix seconds>: <frame>'");
    }
    return parser.parse(lines, colon + 2, secondsToNanos(lines, 0, colon), -1, into);
  }

  private int indexOf(String needle, int from) {
    for (int i = from; i + needle.length() <= lines.length(); i++) {
      if (lines.regionMatches(i, needle)) {
        return i;
      }
    }
    return -1;
  }

  /** Parses unix seconds with an optional fraction ({@code 1626992741.06217}) into nanoseconds. */
  static long secondsToNanos(CharSequence s, int from, int to) {
    long seconds = 0;
    long fraction = 0;
    int fractionDigits = 0;
    boolean dot = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '.' && !dot) {
        dot = true;
      } else if (c >= '0' && c <= '9') {
        if (!dot) {
          seconds = Math.addExact(Math.multiplyExact(seconds, 10), c - '0');
        } else if (fractionDigits < 9) {
          fraction = fraction * 10 + (c - '0');
          fractionDigits++;
        }
      } else {
        throw new NumberFormatException("not unix seconds at index " + i);
      }
    }
    if (to == from) {
      throw new NumberFormatException("empty time");
    }
    for (int d = fractionDigits; d < 9; d++) {
      fraction *= 10;
    }
    return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), fraction);
  }

  @Override
  public void close() {
    lines.close();
  }
}
