package dev.tradekit.backtest.data;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.internal.wire.BinanceFrameParser;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Upper-case symbols and their tick scales, looked up by a range of characters without allocating
 * (case-insensitive, so {@code btcusdt} in a stream name finds {@code BTCUSDT}).
 */
final class SymbolScales implements BinanceFrameParser.Symbols {

  private final String[] symbols;
  private final TickScale[] scales;

  SymbolScales(Map<String, TickScale> bySymbol) {
    Objects.requireNonNull(bySymbol, "scales");
    if (bySymbol.isEmpty()) {
      throw new IllegalArgumentException("scales must name at least one symbol");
    }
    TreeMap<String, TickScale> sorted = new TreeMap<>();
    bySymbol.forEach(
        (symbol, scale) -> {
          Objects.requireNonNull(symbol, "scales key");
          Objects.requireNonNull(scale, "scales[" + symbol + "]");
          if (sorted.put(symbol.toUpperCase(Locale.ROOT), scale) != null) {
            throw new IllegalArgumentException("scales names " + symbol + " twice (ignoring case)");
          }
        });
    this.symbols = sorted.keySet().toArray(new String[0]);
    this.scales = sorted.values().toArray(new TickScale[0]);
  }

  int size() {
    return symbols.length;
  }

  String symbol(int index) {
    return symbols[index];
  }

  @Override
  public TickScale scale(int index) {
    return scales[index];
  }

  /** Index of the symbol spelled by {@code s[from, to)}, ignoring case, or -1. */
  @Override
  public int find(CharSequence s, int from, int to) {
    int len = to - from;
    for (int k = 0; k < symbols.length; k++) {
      String sym = symbols[k];
      if (sym.length() != len) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < len && same; i++) {
        same = Character.toUpperCase(s.charAt(from + i)) == sym.charAt(i);
      }
      if (same) {
        return k;
      }
    }
    return -1;
  }

  /** Index of {@code symbol} ignoring case, or -1. */
  int find(String symbol) {
    return find(symbol, 0, symbol.length());
  }

  @Override
  public String toString() {
    return String.join(", ", symbols);
  }
}
