package dev.tradekit.samples.demo;

import dev.tradekit.backtest.AccountResult;
import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.Bot;
import dev.tradekit.backtest.report.HtmlReport;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.marketmaker.MarketMaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Backtests the demo's market maker over the demo's data and writes the HTML report. */
final class MarketMakerReport {
  private MarketMakerReport() {}

  static ReplayResult run(
      @Nullable Path data, long liveStart, Duration length, long seed, Path report) {
    BacktestResult result =
        Backtest.builder()
            .data(() -> DemoMarket.source(data, liveStart, length, seed))
            .instrument(DemoMarket.instrument())
            .fees(new BigDecimal("0.0002"), new BigDecimal("0.0005"))
            .orderLatency(LatencyModel.fixed(Duration.ofMillis(5)))
            .seed(seed)
            .equityInterval(Duration.ofSeconds(1))
            .bot(
                "mm",
                AccountSetup.usdt(new BigDecimal("10000")),
                (exchange, clock) -> {
                  MarketMaker mm = DemoMarket.marketMaker(exchange, clock);
                  return new Bot() {
                    @Override
                    public void start() {
                      mm.start();
                    }

                    @Override
                    public void stop() {
                      mm.stop();
                    }
                  };
                })
            .build()
            .run();
    try {
      Path parent = report.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      HtmlReport.write(result, report);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the report "
              + report
              + " ("
              + e.getClass().getSimpleName()
              + "): pass --report with a writable path",
          e);
    }
    AccountResult mm = result.account("mm");
    double[] equity = mm.equity().equities();
    double pnl = equity.length == 0 ? 0 : equity[equity.length - 1] - equity[0];
    return new ReplayResult(
        result.events(),
        mm.ordersSent(),
        mm.fills().size(),
        BigDecimal.valueOf(pnl).setScale(2, RoundingMode.HALF_EVEN),
        report.toAbsolutePath());
  }
}
