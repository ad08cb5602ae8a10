package dev.tradekit.bybit;

import dev.tradekit.api.MarketData;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.PriceLevel;
import dev.tradekit.api.model.Ticker24h;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Public market data over REST v5 (category {@code linear}). Book snapshots ask for at most 1000
 * levels (Bybit's linear maximum); klines are read 1000 a request and returned oldest first (Bybit
 * lists them newest first); the best bid and ask come from a one-level book so they carry its
 * update id. Bybit gives no 24 h trade count ({@code count} 0).
 */
final class BybitMarketData implements MarketData {
  static final int MAX_BOOK_LIMIT = 1000;
  static final int MAX_KLINES = 1000;
  private static final long DAY_MS = 86_400_000L;

  private final BybitRest rest;
  private final BybitInstruments instruments;
  private final BybitJson json = new BybitJson();

  BybitMarketData(BybitRest rest, BybitInstruments instruments) {
    this.rest = Objects.requireNonNull(rest, "rest");
    this.instruments = Objects.requireNonNull(instruments, "instruments");
  }

  @Override
  public CompletableFuture<List<Instrument>> instruments() {
    return instruments.all();
  }

  @Override
  public CompletableFuture<Instrument> instrument(String symbol) {
    return instruments.get(symbol);
  }

  @Override
  public CompletableFuture<OrderBookSnapshot> orderBook(String symbol, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    Map<String, String> q = query(symbol);
    q.put("limit", Integer.toString(Math.min(limit, MAX_BOOK_LIMIT)));
    return rest.getPublic("/v5/market/orderbook", q)
        .thenApply(
            body -> BybitMapper.orderBook(json.parse(BybitWire.OrderBookReply.class, body).result));
  }

  @Override
  public CompletableFuture<List<Ticker24h>> tickers24h() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("category", "linear");
    return rest.getPublic("/v5/market/tickers", q)
        .thenApply(
            body -> {
              long now = json.parse(BybitWire.Envelope.class, body).time;
              List<Ticker24h> out = new ArrayList<>();
              for (BybitWire.TickerDto t :
                  json.parse(BybitWire.TickersReply.class, body).result.list) {
                out.add(ticker(t, now));
              }
              return out;
            });
  }

  @Override
  public CompletableFuture<Ticker24h> ticker24h(String symbol) {
    return ticker(symbol).thenApply(r -> ticker(r.ticker(), r.time()));
  }

  @Override
  public CompletableFuture<BookTicker> bookTicker(String symbol) {
    return orderBook(symbol, 1)
        .thenApply(
            b -> {
              PriceLevel bid = b.bids().isEmpty() ? null : b.bids().get(0);
              PriceLevel ask = b.asks().isEmpty() ? null : b.asks().get(0);
              return new BookTicker(
                  symbol,
                  b.lastUpdateId(),
                  bid == null ? BigDecimal.ZERO : bid.price(),
                  bid == null ? BigDecimal.ZERO : bid.quantity(),
                  ask == null ? BigDecimal.ZERO : ask.price(),
                  ask == null ? BigDecimal.ZERO : ask.quantity(),
                  b.time());
            });
  }

  @Override
  public CompletableFuture<BigDecimal> markPrice(String symbol) {
    return ticker(symbol).thenApply(r -> dec(r.ticker().markPrice));
  }

  @Override
  public CompletableFuture<List<Kline>> klines(KlineQuery query) {
    String code = BybitKlines.code(query.interval());
    return klinePage(query, code, query.endTime(), new ArrayList<>());
  }

  private CompletableFuture<List<Kline>> klinePage(
      KlineQuery query, String code, @Nullable Long end, List<Kline> acc) {
    Map<String, String> q = query(query.symbol());
    q.put("interval", code);
    int want = query.limit() - acc.size();
    q.put("limit", Integer.toString(Math.min(want, MAX_KLINES)));
    Long start = query.startTime();
    if (start != null) {
      q.put("start", Long.toString(start));
    }
    if (end != null) {
      q.put("end", Long.toString(end));
    }
    return rest.getPublic("/v5/market/kline", q)
        .thenCompose(
            body -> {
              List<List<String>> rows = json.parse(BybitWire.KlinesReply.class, body).result.list;
              List<Kline> page = new ArrayList<>(rows.size());
              for (int i = rows.size() - 1; i >= 0; i--) {
                page.add(kline(query.symbol(), query.interval(), rows.get(i)));
              }
              // pages walk backwards from the end: older pages go in front
              acc.addAll(0, page);
              if (page.isEmpty() || acc.size() >= query.limit() || rows.size() < MAX_KLINES) {
                return CompletableFuture.completedFuture(List.copyOf(acc));
              }
              long before = page.get(0).openTime() - 1;
              Long first = query.startTime();
              if (first != null && before < first) {
                return CompletableFuture.completedFuture(List.copyOf(acc));
              }
              return klinePage(query, code, before, acc);
            });
  }

  /** A REST candle: [start, open, high, low, close, volume, turnover]. */
  static Kline kline(String symbol, KlineInterval interval, List<String> row) {
    long open = Long.parseLong(row.get(0));
    return new Kline(
        symbol,
        interval,
        open,
        closeTime(interval, open),
        new BigDecimal(row.get(1)),
        new BigDecimal(row.get(2)),
        new BigDecimal(row.get(3)),
        new BigDecimal(row.get(4)),
        new BigDecimal(row.get(5)),
        new BigDecimal(row.get(6)),
        0,
        BigDecimal.ZERO);
  }

  /** The last millisecond of the bar opening at {@code open} (calendar months for 1M). */
  static long closeTime(KlineInterval interval, long open) {
    if (interval == KlineInterval.MN1) {
      return Instant.ofEpochMilli(open)
              .atZone(ZoneOffset.UTC)
              .plusMonths(1)
              .toInstant()
              .toEpochMilli()
          - 1;
    }
    return open + interval.millis() - 1;
  }

  @Override
  public CompletableFuture<Long> serverTime() {
    return rest.getPublic(BybitRest.TIME, Map.of())
        .thenApply(body -> json.parse(BybitWire.Envelope.class, body).time);
  }

  private record TickerReply(BybitWire.TickerDto ticker, long time) {}

  private CompletableFuture<TickerReply> ticker(String symbol) {
    return rest.getPublic("/v5/market/tickers", query(symbol))
        .thenApply(
            body -> {
              List<BybitWire.TickerDto> list =
                  json.parse(BybitWire.TickersReply.class, body).result.list;
              if (list.isEmpty()) {
                throw new UnknownSymbolException(
                    BybitErrorCodes.VENUE, 10001, "Bybit linear has no ticker for " + symbol);
              }
              return new TickerReply(list.get(0), json.parse(BybitWire.Envelope.class, body).time);
            });
  }

  static Ticker24h ticker(BybitWire.TickerDto t, long now) {
    BigDecimal last = dec(t.lastPrice);
    BigDecimal open = dec(t.prevPrice24h);
    BigDecimal pct =
        t.price24hPcnt != null && !t.price24hPcnt.isEmpty()
            ? new BigDecimal(t.price24hPcnt).movePointRight(2)
            : open.signum() == 0
                ? BigDecimal.ZERO
                : last.subtract(open).movePointRight(2).divide(open, 4, RoundingMode.HALF_EVEN);
    long close = Math.max(now, DAY_MS);
    return new Ticker24h(
        t.symbol,
        last,
        open,
        dec(t.highPrice24h),
        dec(t.lowPrice24h),
        dec(t.volume24h),
        dec(t.turnover24h),
        pct,
        close - DAY_MS,
        close,
        0);
  }

  private static Map<String, String> query(String symbol) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("category", "linear");
    q.put("symbol", Objects.requireNonNull(symbol, "symbol"));
    return q;
  }

  private static BigDecimal dec(@Nullable String s) {
    return s == null || s.isEmpty() ? BigDecimal.ZERO : new BigDecimal(s);
  }
}
