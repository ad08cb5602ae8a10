package dev.tradekit.scanner;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.PriceLevel;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Ticker24h;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the scanner knows of the venue's symbols: tick scales and base assets from the instrument
 * list, the ranking by 24-hour quote volume, and the conversion of REST snapshots into books.
 */
final class SymbolDirectory {
  private final Map<String, Instrument> instruments = new HashMap<>();
  private final Map<String, TickScale> scales = new HashMap<>();

  /** Replaces the known instruments. */
  void load(List<Instrument> list) {
    instruments.clear();
    scales.clear();
    for (Instrument i : list) {
      instruments.put(i.symbol(), i);
      if (i.tickSize().signum() > 0) {
        scales.put(i.symbol(), TickScale.of(i.tickSize()));
      }
    }
  }

  boolean isEmpty() {
    return instruments.isEmpty();
  }

  /**
   * The {@code n} symbols with the highest 24-hour quote volume, highest first (ties by symbol),
   * among trading instruments whose base asset is not one of {@code stablecoins}. Tickers of
   * unknown symbols are skipped.
   */
  List<String> rank(List<Ticker24h> tickers, Set<String> stablecoins, int n) {
    List<Ticker24h> eligible = new ArrayList<>();
    for (Ticker24h t : tickers) {
      Instrument i = instruments.get(t.symbol());
      if (i != null && i.trading() && !stablecoins.contains(i.baseAsset())) {
        eligible.add(t);
      }
    }
    eligible.sort(
        Comparator.comparing(Ticker24h::quoteVolume).reversed().thenComparing(Ticker24h::symbol));
    List<String> out = new ArrayList<>(Math.min(n, eligible.size()));
    for (int k = 0; k < eligible.size() && k < n; k++) {
      out.add(eligible.get(k).symbol());
    }
    return out;
  }

  /**
   * The tick scale of {@code symbol}: from its instrument, else (no instrument or no tick filter)
   * the finest decimal of the snapshot's prices.
   */
  TickScale scale(String symbol, OrderBookSnapshot snapshot) {
    TickScale s = scales.get(symbol);
    if (s != null) {
      return s;
    }
    int digits = 0;
    for (PriceLevel l : snapshot.bids()) {
      digits = Math.max(digits, l.price().stripTrailingZeros().scale());
    }
    for (PriceLevel l : snapshot.asks()) {
      digits = Math.max(digits, l.price().stripTrailingZeros().scale());
    }
    return TickScale.of(BigDecimal.ONE.movePointLeft(digits));
  }

  /** The tick scale of {@code symbol} from its instrument, or {@code null} when unknown. */
  @org.jspecify.annotations.Nullable
  TickScale scale(String symbol) {
    return scales.get(symbol);
  }

  /** {@code snapshot} as a book in ticks of {@code scale} (off-grid prices rounded). */
  static OrderBook toBook(OrderBookSnapshot snapshot, TickScale scale) {
    OrderBook book =
        new OrderBook(
            snapshot.symbol(),
            Math.max(4, Math.max(snapshot.bids().size(), snapshot.asks().size())));
    for (PriceLevel l : snapshot.bids()) {
      book.setLevel(Side.BUY, ticks(l.price(), scale), l.quantity().doubleValue());
    }
    for (PriceLevel l : snapshot.asks()) {
      book.setLevel(Side.SELL, ticks(l.price(), scale), l.quantity().doubleValue());
    }
    book.setLastUpdateId(snapshot.lastUpdateId());
    book.setTimestamp(snapshot.time());
    return book;
  }

  /** {@code price} in ticks, rounded to the nearest tick. */
  static long ticks(BigDecimal price, TickScale scale) {
    String plain = price.toPlainString();
    return scale.parseTicks(plain, 0, plain.length());
  }
}
