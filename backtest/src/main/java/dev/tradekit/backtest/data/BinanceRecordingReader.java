package dev.tradekit.backtest.data;

import dev.tradekit.api.book.Decimals;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an hftbacktest-style raw Binance recording: lines {@code <local ns> <json>}, gzipped or
 * plain, holding combined-stream frames and REST depth snapshot bodies (whose symbol is the file's,
 * from its name {@code <symbol>_<date>.gz} or the only symbol in the scales).
 */
final class BinanceRecordingReader implements MarketDataSource {

  private final LineReader lines;
  private final BinanceJsonParser parser;
  private final int fileSymbol;

  BinanceRecordingReader(Path file, SymbolScales scales) {
    this.fileSymbol = fileSymbol(file, scales);
    this.parser = new BinanceJsonParser(scales);
    this.lines = DataFiles.openLines(file);
  }

  private static int fileSymbol(Path file, SymbolScales scales) {
    Path name = file.getFileName();
    String base = name == null ? "" : name.toString();
    int cut = base.indexOf('_');
    if (cut < 0) {
      cut = base.indexOf('.');
    }
    String guess = (cut < 0 ? base : base.substring(0, cut)).toUpperCase(Locale.ROOT);
    int index = scales.find(guess);
    if (index < 0 && scales.size() == 1) {
      index = 0;
    }
    if (index < 0) {
      throw new IllegalArgumentException(
          "scales has no entry for "
              + guess
              + " (the symbol taken from the file name "
              + base
              + "), known: "
              + scales);
    }
    return index;
  }

  @Override
  public boolean next(MarketEvent into) {
    while (lines.nextLine()) {
      int space = lines.indexOf(' ', 0);
      if (space <= 0) {
        if (lines.length() == 0) {
          continue;
        }
        throw new IllegalStateException(lines.where() + ": expected '<ns> <json>'");
      }
      try {
        long receiveNanos = Decimals.parseLong(lines, 0, space);
        if (parser.parse(lines, space + 1, receiveNanos, fileSymbol, into)) {
          return true;
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(lines.where() + ": " + e.getMessage(), e);
      }
    }
    return false;
  }

  @Override
  public void close() {
    lines.close();
  }
}
