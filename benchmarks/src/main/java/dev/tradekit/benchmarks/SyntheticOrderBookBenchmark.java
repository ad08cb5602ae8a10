package dev.tradekit.benchmarks;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order.OrderType;
import org.knowm.xchange.dto.marketdata.OrderBookUpdate;
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
 * A synthetic, seeded stream of {@value #UPDATES} L2 updates ({@link SyntheticDepthStream}, made
 * once into primitive arrays) applied to our {@link OrderBook} and to XChange 5.2.1's {@code
 * OrderBook}, both starting empty. One operation is one level update. Both sides read pre-made
 * numbers: ticks and {@code double}s for ours, cached {@link BigDecimal}s for XChange (which also
 * needs one {@link OrderBookUpdate} per level, part of its cost).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class SyntheticOrderBookBenchmark {
  static final int UPDATES = 10_000_000;
  private static final CurrencyPair PAIR = CurrencyPair.BTC_USDT;
  private static final Date TIME = new Date(1_723_161_256_299L);

  private SyntheticDepthStream stream = SyntheticDepthStream.generate(0, 0);
  private final OrderBook book = new OrderBook("SYNTH", 1024);
  private final BigDecimal[] prices = SyntheticDepthStream.priceDecimals();
  private final BigDecimal[] quantities = SyntheticDepthStream.quantityDecimals();

  @Setup(Level.Trial)
  public void generate() {
    generate(UPDATES);
  }

  void generate(int updates) {
    stream = SyntheticDepthStream.generate(updates, 42);
  }

  /** Our book, the whole stream from empty. */
  @Benchmark
  @OperationsPerInvocation(UPDATES)
  public long tradekit() {
    SyntheticDepthStream s = stream;
    OrderBook b = book;
    b.clear();
    double[] qty = SyntheticDepthStream.QTY;
    for (int i = 0, n = s.length(); i < n; i++) {
      b.setLevel(s.bid[i] ? Side.BUY : Side.SELL, s.ticks(i), qty[s.qty[i]]);
    }
    return OrderBookBenchmark.depths(b);
  }

  /** XChange's book, the whole stream from empty. */
  @Benchmark
  @OperationsPerInvocation(UPDATES)
  public long xchange() {
    SyntheticDepthStream s = stream;
    org.knowm.xchange.dto.marketdata.OrderBook b =
        new org.knowm.xchange.dto.marketdata.OrderBook(
            TIME, new ArrayList<>(), new ArrayList<>(), false);
    for (int i = 0, n = s.length(); i < n; i++) {
      BigDecimal q = quantities[s.qty[i]];
      OrderType type = s.bid[i] ? OrderType.BID : OrderType.ASK;
      b.update(new OrderBookUpdate(type, q, PAIR, prices[s.price[i]], TIME, q));
    }
    return b.getBids().size() * 1_000_000L + b.getAsks().size();
  }
}
