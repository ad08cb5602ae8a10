package dev.tradekit.backtest.report;

import dev.tradekit.api.model.Fill;
import dev.tradekit.backtest.AccountResult;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.EquityCurve;
import dev.tradekit.backtest.RoundTrip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link BacktestResult} as CSV files into a directory: {@code metrics.csv} (one row per
 * account and metric), and per account {@code <name>-equity.csv}, {@code <name>-roundtrips.csv} and
 * {@code <name>-fills.csv}.
 *
 * <pre>{@code
 * CsvReport.write(result, Path.of("out"));
 * }</pre>
 */
public final class CsvReport {
  private CsvReport() {}

  /**
   * Writes every file, replacing existing ones.
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void write(BacktestResult result, Path dir) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(dir, "dir");
    StringBuilder metrics = new StringBuilder("account,metric,value\n");
    for (AccountResult a : result.accounts()) {
      for (Map.Entry<String, Double> m : a.metrics().asMap().entrySet()) {
        metrics.append(a.name()).append(',').append(m.getKey()).append(',');
        JsonReport.num(metrics, m.getValue());
        metrics.append('\n');
      }
      metrics.append(a.name()).append(",fees,").append(a.fees()).append('\n');
      metrics.append(a.name()).append(",funding,").append(a.funding()).append('\n');
      metrics.append(a.name()).append(",ordersSent,").append(a.ordersSent()).append('\n');
      metrics.append(a.name()).append(",exposure,").append(a.exposure()).append('\n');
      StringBuilder eq = new StringBuilder("time,equity,notional\n");
      EquityCurve c = a.equity();
      for (int i = 0; i < c.size(); i++) {
        eq.append(c.time(i)).append(',').append(c.equity(i)).append(',');
        eq.append(c.notional(i)).append('\n');
      }
      StringBuilder trips =
          new StringBuilder(
              "symbol,long,openTime,closeTime,quantity,entryPrice,exitPrice,grossPnl,fees,netPnl\n");
      for (RoundTrip t : a.roundTrips()) {
        trips.append(t.symbol()).append(',').append(t.longTrade()).append(',');
        trips.append(t.openTime()).append(',').append(t.closeTime()).append(',');
        trips.append(t.quantity()).append(',').append(t.entryPrice()).append(',');
        trips.append(t.exitPrice()).append(',').append(t.grossPnl()).append(',');
        trips.append(t.fees()).append(',').append(t.netPnl()).append('\n');
      }
      StringBuilder fills =
          new StringBuilder("time,symbol,side,price,quantity,commission,realizedPnl,maker\n");
      for (Fill f : a.fills()) {
        fills.append(f.time()).append(',').append(f.symbol()).append(',').append(f.side());
        fills.append(',').append(f.price().toPlainString());
        fills.append(',').append(f.quantity().toPlainString());
        fills.append(',').append(f.commission().toPlainString());
        fills.append(',').append(f.realizedPnl().toPlainString());
        fills.append(',').append(f.maker()).append('\n');
      }
      write(dir.resolve(a.name() + "-equity.csv"), eq);
      write(dir.resolve(a.name() + "-roundtrips.csv"), trips);
      write(dir.resolve(a.name() + "-fills.csv"), fills);
    }
    write(dir.resolve("metrics.csv"), metrics);
  }

  private static void write(Path file, CharSequence text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
