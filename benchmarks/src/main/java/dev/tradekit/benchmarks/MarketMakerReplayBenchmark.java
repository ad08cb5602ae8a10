package dev.tradekit.benchmarks;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.MarketReplay;
import dev.tradekit.backtest.sim.QueueModel;
import dev.tradekit.backtest.sim.SimVenue;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.QuoteParameters;
import dev.tradekit.marketmaker.Strategies;
import dev.tradekit.marketmaker.SyncSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The real {@link MarketMaker} (fixed spread, event-driven requotes) backtested on the pre-decoded
 * BTCUSDT recording through the simulated venue with queue-position fills and 20 ms / 5 ms latency:
 * the whole engine path, events per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MarketMakerReplayBenchmark {
  private static final long START = 1_723_161_000_000L;

  private List<MarketEvent> decoded = List.of();

  @Setup(Level.Trial)
  public void load() {
    decoded = SimReplayBenchmark.decodeRecording();
  }

  /** One full backtest of the market maker over the recording; returns the orders it placed. */
  @Benchmark
  public long fixedSpreadOverRecording(ReplayBenchmark.Events counter) {
    VirtualScheduler clock = new VirtualScheduler(START);
    SimVenue venue =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(SimReplayBenchmark.BTCUSDT)
            .queueModel(QueueModel.CONSERVATIVE)
            .orderLatency(LatencyModel.fixed(Duration.ofMillis(20)))
            .marketDataLatency(LatencyModel.fixed(Duration.ofMillis(5)))
            .build();
    Exchange account = venue.openAccount("mm", AccountSetup.usdt(new BigDecimal("10000")));
    MarketMaker mm =
        MarketMaker.builder()
            .name("bench")
            .exchange(account)
            .symbol("BTCUSDT")
            .strategy(Strategies.fixedSpread())
            .parameters(QuoteParameters.of(new BigDecimal("0.00005"), new BigDecimal("0.002")))
            .scheduler(clock)
            .riskLimits(
                RiskLimits.builder()
                    .maxPosition(new BigDecimal("0.010"))
                    .maxLoss(new BigDecimal("200"))
                    .maxBookAge(Duration.ofSeconds(5))
                    .build())
            .sync(
                SyncSettings.builder()
                    .priceToleranceTicks(2)
                    .minRequoteInterval(Duration.ofMillis(250))
                    .refreshInterval(Duration.ofSeconds(10))
                    .build())
            .build();
    MarketReplay replay = new MarketReplay(MarketDataSources.inMemory(decoded), venue);
    mm.start();
    replay.runToEnd();
    counter.events += decoded.size();
    return mm.status().ordersPlaced();
  }
}
