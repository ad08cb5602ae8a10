package dev.tradekit.benchmarks;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.SimVenue;
import dev.tradekit.scanner.ScanResult;
import dev.tradekit.scanner.Scanner;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A primary scan of 250 symbols against a local simulated venue whose every request takes 50 ms
 * (live time), with 5 workers. The ideal bound is {@code ⌈N / workers⌉ × latency} = 2 500 ms for
 * the books, plus one latency for the 24-hour tickers that rank the symbols; the tear-down prints
 * the last scan against it. Single shots: each one is a whole scan.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class ScannerPrimaryScanBenchmark {
  static final int SYMBOLS = 250;
  static final int WORKERS = 5;
  static final long LATENCY_MILLIS = 50;

  private int symbols = SYMBOLS;
  private @Nullable LiveScheduler venueClock;
  private @Nullable LiveScheduler scannerClock;
  private @Nullable Scanner scanner;
  private @Nullable Exchange exchange;
  private @Nullable ScanResult last;

  /** The ideal duration of the books' part of a scan: ⌈symbols / workers⌉ × latency. */
  static long idealMillis(int symbols, int workers, long latencyMillis) {
    return (symbols + workers - 1) / workers * latencyMillis;
  }

  @Setup(Level.Trial)
  public void setUp() {
    setUp(SYMBOLS, LATENCY_MILLIS);
  }

  /** A venue of {@code n} symbols (a wall on every tenth) answering after {@code latency} ms. */
  void setUp(int n, long latencyMillis) {
    this.symbols = n;
    LiveScheduler venueThread = LiveScheduler.create("bench-venue");
    this.venueClock = venueThread;
    SimVenue.Builder b =
        SimVenue.builder()
            .scheduler(venueThread)
            .orderLatency(LatencyModel.fixed(Duration.ofMillis(latencyMillis)))
            .marketDataLatency(LatencyModel.zero());
    for (int i = 0; i < n; i++) {
      b.instrument(ScannerMarket.instrument(ScannerMarket.symbol(i)));
    }
    SimVenue venue = b.build();
    Exchange ex = venue.openAccount("scanner", AccountSetup.usdt(BigDecimal.TEN));
    CompletableFuture<Void> seeded = new CompletableFuture<>();
    venueThread.execute(
        () -> {
          long id = 1;
          for (int i = 0; i < n; i++) {
            id =
                ScannerMarket.seed(
                    venue,
                    ScannerMarket.symbol(i),
                    venueThread.currentTimeMillis(),
                    id + 10,
                    i % 10 == 0 ? 200 : 0);
          }
          seeded.complete(null);
        });
    seeded.join();
    this.exchange = ex;
    this.scannerClock = LiveScheduler.create("bench-scanner");
    newScanner();
  }

  /**
   * A fresh scanner with the default weight budget (1200 a minute; a scan of 250 spends 540), so
   * that back-to-back iterations measure the worker pool, not the budget's minute window.
   */
  @Setup(Level.Iteration)
  public void newScanner() {
    if (scanner != null) {
      scanner.close();
    }
    this.scanner =
        Scanner.builder()
            .exchange(java.util.Objects.requireNonNull(exchange))
            .scheduler(java.util.Objects.requireNonNull(scannerClock))
            .topSymbols(symbols)
            .maxConcurrentRequests(WORKERS)
            .minUsd(1_000)
            .build();
  }

  /** One whole primary scan. */
  @Benchmark
  public ScanResult primaryScan() {
    ScanResult r = java.util.Objects.requireNonNull(scanner).primaryScan(symbols).join();
    last = r;
    return r;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    ScanResult r = last;
    if (r != null) {
      long ideal = idealMillis(symbols, WORKERS, LATENCY_MILLIS);
      System.out.printf(
          "%nprimary scan of %d symbols, %d workers, %d ms per request: last scan %d ms,"
              + " ideal bound %d ms (+%d ms for the tickers), ratio %.3f%n",
          r.symbols().size(),
          WORKERS,
          LATENCY_MILLIS,
          r.duration().toMillis(),
          ideal,
          LATENCY_MILLIS,
          (double) r.duration().toMillis() / ideal);
    }
    close();
  }

  void close() {
    if (scanner != null) {
      scanner.close();
    }
    if (scannerClock != null) {
      scannerClock.close();
    }
    if (venueClock != null) {
      venueClock.close();
    }
  }
}
