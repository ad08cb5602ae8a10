package dev.tradekit.samples.examples;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.SimVenue;
import dev.tradekit.scanner.LargeOrder;
import dev.tradekit.scanner.ScanResult;
import dev.tradekit.scanner.Scanner;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Scanning: one primary scan of the most traded symbols finds the large resting orders (walls). The
 * venue shows three hand-made books, 20 levels a side of 2 coins around 100 USDT, and one wall of
 * 60 ETH five ticks under ETHUSDT's best bid; the scan reports that wall and nothing else.
 *
 * <pre>{@code
 * ScanResult r = ScanningExample.run();
 * r.walls().forEach(w -> System.out.println(w.symbol() + " " + w.side() + " " + w.price()));
 * }</pre>
 */
public final class ScanningExample {
  /** The symbols listed, most traded first. */
  public static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");

  /** Where the wall rests: ETHUSDT bid at 99.5 (the best bid is 100.0). */
  public static final BigDecimal WALL_PRICE = new BigDecimal("99.5");

  private static final long BEST_BID_TICKS = 1000; // 100.0 at tick 0.1
  private static final long WALL_TICKS = 995;

  private ScanningExample() {}

  /** Runs one primary scan in virtual time and returns what it found. */
  public static ScanResult run() {
    VirtualScheduler clock = new VirtualScheduler(ExampleVenue.START);
    SimVenue venue = venue(clock);
    Exchange account = venue.openAccount("scanner", AccountSetup.usdt(new BigDecimal("1000")));
    try (Scanner scanner =
        Scanner.builder()
            .exchange(account)
            .scheduler(clock)
            .topSymbols(SYMBOLS.size())
            .minUsd(2_000) // the flat levels are worth 200 USDT, the wall 5 970
            .build()) {
      clock.advanceBy(Duration.ofSeconds(1)); // the first books
      CompletableFuture<ScanResult> scan = scanner.primaryScan(SYMBOLS.size());
      for (int i = 0; i < 600 && !scan.isDone(); i++) {
        clock.advanceBy(Duration.ofMillis(100));
      }
      return scan.join();
    }
  }

  /**
   * The example's venue on {@code clock}: the three symbols ranked by one trade each at the start,
   * and a fresh snapshot of every book each second, with the ETHUSDT wall.
   */
  public static SimVenue venue(VirtualScheduler clock) {
    SimVenue.Builder b =
        SimVenue.builder()
            .scheduler(clock)
            .orderLatency(LatencyModel.fixed(Duration.ofMillis(20)))
            .marketDataLatency(LatencyModel.zero());
    SYMBOLS.forEach(s -> b.instrument(instrument(s)));
    SimVenue venue = b.build();
    long[] ids = {1, 1};
    clock.execute(
        () -> { // trades that rank the symbols: the first listed has the highest 24h volume
          for (int i = 0; i < SYMBOLS.size(); i++) {
            venue.onMarketEvent(
                new MarketEvent()
                    .reset(MarketEvent.Type.TRADE, SYMBOLS.get(i), clock.currentTimeMillis(), 0)
                    .trade(ids[1]++, BEST_BID_TICKS, SYMBOLS.size() - i, true));
          }
        });
    clock.scheduleAtFixedRate(() -> books(venue, clock, ids), 0, 1, TimeUnit.SECONDS);
    return venue;
  }

  /** A fresh snapshot of every book: flat levels, and the wall on ETHUSDT. */
  private static void books(SimVenue venue, VirtualScheduler clock, long[] ids) {
    for (String s : SYMBOLS) {
      MarketEvent e =
          new MarketEvent()
              .reset(MarketEvent.Type.DEPTH_SNAPSHOT, s, clock.currentTimeMillis(), 0)
              .updateIds(0, ids[0]++, 0);
      for (int i = 0; i < 20; i++) {
        long bid = BEST_BID_TICKS - i;
        e.addLevel(Side.BUY, bid, s.equals("ETHUSDT") && bid == WALL_TICKS ? 60 : 2);
        e.addLevel(Side.SELL, BEST_BID_TICKS + 1 + i, 2);
      }
      venue.onMarketEvent(e);
    }
  }

  private static Instrument instrument(String symbol) {
    return Instrument.builder()
        .symbol(symbol)
        .baseAsset(symbol.substring(0, symbol.length() - 4))
        .quoteAsset("USDT")
        .tickSize(new BigDecimal("0.1"))
        .stepSize(new BigDecimal("0.001"))
        .build();
  }

  /** Prints the walls found. */
  public static void main(String[] args) {
    ScanResult r = run();
    System.out.printf("scanned %d symbols, %d walls%n", r.symbols().size(), r.walls().size());
    for (LargeOrder w : r.walls()) {
      System.out.printf(
          "  %s %s %s x %s ($%.0f)%n",
          w.symbol(), w.side(), w.price().toPlainString(), w.quantity(), w.usdValue());
    }
  }
}
