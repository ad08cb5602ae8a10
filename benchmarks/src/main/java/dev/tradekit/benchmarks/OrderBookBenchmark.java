package dev.tradekit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.BinanceFrameDecoder;
import dev.tradekit.backtest.data.MarketEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order.OrderType;
import org.knowm.xchange.dto.marketdata.OrderBookUpdate;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Binance diff-depth updates from the BTCUSDT recording applied to our L2 {@link OrderBook} and to
 * XChange 5.2.1's {@code OrderBook}: the REST snapshot, then the 6,547 diffs that follow it in an
 * unbroken {@code pu} chain ({@value #RECORDING_UPDATES} level updates; the book grows from 1,000
 * to ~5,000 levels a side as far levels arrive). One operation is one level update, so JMH reports
 * updates/s and, with {@code -prof gc}, bytes per update. Each invocation reloads the snapshot.
 *
 * <p>Decoded: our book gets price ticks and {@code double} quantities; XChange gets the {@link
 * BigDecimal}s Jackson made from the same frames and one {@link OrderBookUpdate} per level, as its
 * streaming Binance module does. Raw JSON: each frame is parsed as part of the operation, by the
 * backtest's allocation-free parser for ours and by Jackson (the JSON library xchange-core brings)
 * for XChange.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class OrderBookBenchmark {
  /** Level updates in the applied diffs of the recording (checked when loading). */
  static final int RECORDING_UPDATES = 443_262;

  private static final CurrencyPair PAIR = CurrencyPair.BTC_USDT;

  private @Nullable DepthRecording recording;
  private final OrderBook book = new OrderBook("BTCUSDT", 1024);
  private final MarketEvent event = new MarketEvent();
  private final BinanceFrameDecoder decoder = new BinanceFrameDecoder(ReplayBenchmark.SCALES);
  private final ObjectMapper jackson = new ObjectMapper();
  private List<LimitOrder> xchangeBids = List.of();
  private List<LimitOrder> xchangeAsks = List.of();

  @Setup(Level.Trial)
  public void load() {
    DepthRecording rec = DepthRecording.load(RefData.file(ReplayBenchmark.RECORDING));
    recording = rec;
    if (rec.updates() != RECORDING_UPDATES) {
      throw new IllegalStateException(
          "expected " + RECORDING_UPDATES + " level updates, found " + rec.updates());
    }
    Date t = new Date(rec.snapshotTime);
    xchangeBids = limitOrders(OrderType.BID, rec.snapBids, t);
    xchangeAsks = limitOrders(OrderType.ASK, rec.snapAsks, t);
  }

  private static List<LimitOrder> limitOrders(OrderType type, BigDecimal[][] levels, Date t) {
    List<LimitOrder> out = new ArrayList<>(levels.length);
    for (BigDecimal[] l : levels) {
      out.add(new LimitOrder(type, l[1], PAIR, "", t, l[0]));
    }
    return out;
  }

  /** Our book, pre-decoded updates. */
  @Benchmark
  @OperationsPerInvocation(RECORDING_UPDATES)
  public long tradekitDecoded() {
    DepthRecording r = rec();
    OrderBook b = resetBook();
    int from = 0;
    for (int d = 0; d < r.diffEnd.length; d++) {
      int to = r.diffEnd[d];
      for (int i = from; i < to; i++) {
        b.setLevel(r.bid[i] ? Side.BUY : Side.SELL, r.ticks[i], r.qty[i]);
      }
      b.setLastUpdateId(r.diffUpdateId[d]);
      b.setTimestamp(r.diffTime[d]);
      from = to;
    }
    return depths(b);
  }

  /** XChange's book, the same updates as {@link BigDecimal}s. */
  @Benchmark
  @OperationsPerInvocation(RECORDING_UPDATES)
  public long xchangeDecoded() {
    DepthRecording r = rec();
    org.knowm.xchange.dto.marketdata.OrderBook b = resetXChange();
    int from = 0;
    for (int d = 0; d < r.diffEnd.length; d++) {
      int to = r.diffEnd[d];
      Date time = new Date(r.diffTime[d]);
      for (int i = from; i < to; i++) {
        BigDecimal q = r.qtyDecimal[i];
        b.update(
            new OrderBookUpdate(
                r.bid[i] ? OrderType.BID : OrderType.ASK, q, PAIR, r.priceDecimal[i], time, q));
      }
      from = to;
    }
    return b.getBids().size() * 1_000_000L + b.getAsks().size();
  }

  /** Our book, each diff frame parsed from JSON by the backtest parser first. */
  @Benchmark
  @OperationsPerInvocation(RECORDING_UPDATES)
  public long tradekitRawJson() {
    OrderBook b = resetBook();
    MarketEvent e = event;
    for (String frame : rec().frames) {
      if (!decoder.decode(frame, e)) {
        throw new IllegalStateException("not a depth update: " + frame);
      }
      for (int i = 0, n = e.levelCount(Side.BUY); i < n; i++) {
        b.setLevel(Side.BUY, e.levelPriceTicks(Side.BUY, i), e.levelQuantity(Side.BUY, i));
      }
      for (int i = 0, n = e.levelCount(Side.SELL); i < n; i++) {
        b.setLevel(Side.SELL, e.levelPriceTicks(Side.SELL, i), e.levelQuantity(Side.SELL, i));
      }
      b.setLastUpdateId(e.lastUpdateId());
      b.setTimestamp(e.eventTime());
    }
    return depths(b);
  }

  /** XChange's book, each diff frame parsed by Jackson into {@link BigDecimal}s first. */
  @Benchmark
  @OperationsPerInvocation(RECORDING_UPDATES)
  public long xchangeRawJson() {
    org.knowm.xchange.dto.marketdata.OrderBook b = resetXChange();
    try {
      for (String frame : rec().frames) {
        JsonNode data = jackson.readTree(frame).get("data");
        Date time = new Date(data.get("E").asLong());
        xchangeLevels(b, OrderType.BID, data.get("b"), time);
        xchangeLevels(b, OrderType.ASK, data.get("a"), time);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return b.getBids().size() * 1_000_000L + b.getAsks().size();
  }

  private static void xchangeLevels(
      org.knowm.xchange.dto.marketdata.OrderBook b, OrderType type, JsonNode levels, Date time) {
    for (JsonNode level : levels) {
      BigDecimal price = new BigDecimal(level.get(0).asText());
      BigDecimal q = new BigDecimal(level.get(1).asText());
      b.update(new OrderBookUpdate(type, q, PAIR, price, time, q));
    }
  }

  private DepthRecording rec() {
    return Objects.requireNonNull(recording, "recording: call load() first");
  }

  private OrderBook resetBook() {
    DepthRecording r = rec();
    book.applySnapshot(
        r.snapshotUpdateId,
        r.snapshotTime,
        r.snapBidTicks,
        r.snapBidQty,
        r.snapBidTicks.length,
        r.snapAskTicks,
        r.snapAskQty,
        r.snapAskTicks.length);
    return book;
  }

  private org.knowm.xchange.dto.marketdata.OrderBook resetXChange() {
    return new org.knowm.xchange.dto.marketdata.OrderBook(
        new Date(rec().snapshotTime),
        new ArrayList<>(xchangeAsks),
        new ArrayList<>(xchangeBids),
        false);
  }

  /** Bid depth * 1,000,000 + ask depth: equal for both books after the same stream. */
  static long depths(OrderBook b) {
    return b.depth(Side.BUY) * 1_000_000L + b.depth(Side.SELL);
  }
}
