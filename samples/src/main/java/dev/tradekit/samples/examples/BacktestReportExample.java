package dev.tradekit.samples.examples;

import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.Bot;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.report.HtmlReport;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.QuoteParameters;
import dev.tradekit.marketmaker.Strategies;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A backtest with a report: the same market maker that runs live, run by {@link Backtest} over ten
 * minutes of synthetic BTCUSDT in virtual time, and its HTML report (equity, drawdown, metrics,
 * fills) written to a file.
 *
 * <pre>{@code
 * BacktestResult r = BacktestReportExample.run(7, Path.of("target/mm-report.html"));
 * System.out.println(r.account("mm").metrics().totalReturn());
 * }</pre>
 */
public final class BacktestReportExample {
  private BacktestReportExample() {}

  /**
   * Runs the backtest and writes the report to {@code report}.
   *
   * @throws IOException if the report cannot be written
   */
  public static BacktestResult run(long seed, Path report) throws IOException {
    BacktestResult result =
        Backtest.builder()
            .data(
                () ->
                    MarketDataSources.synthetic(
                        SyntheticMarket.Config.builder()
                            .startTimeMillis(ExampleVenue.START)
                            .duration(Duration.ofMinutes(10))
                            .dailyVolatility(0.08)
                            .tradeRatePerSecond(8)
                            .seed(seed)
                            .build()))
            .instrument(ExampleVenue.btcusdt())
            .equityInterval(Duration.ofSeconds(10))
            .bot(
                "mm",
                AccountSetup.usdt(new BigDecimal("10000")),
                (exchange, clock) -> {
                  MarketMaker mm =
                      MarketMaker.builder()
                          .name("mm")
                          .exchange(exchange)
                          .symbol("BTCUSDT")
                          .strategy(Strategies.fixedSpread())
                          .parameters(
                              QuoteParameters.of(new BigDecimal("0.0002"), new BigDecimal("0.002")))
                          .riskLimits(
                              RiskLimits.builder().maxPosition(new BigDecimal("0.01")).build())
                          .scheduler(clock)
                          .build();
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
    HtmlReport.write(result, report);
    return result;
  }

  /** Writes {@code mm-report.html} in the working folder and prints where. */
  public static void main(String[] args) throws IOException {
    Path report = Path.of("mm-report.html");
    BacktestResult r = run(7, report);
    System.out.printf(
        "%d events, %d fills; report %s%n",
        r.events(), r.account("mm").fills().size(), report.toAbsolutePath());
  }
}
