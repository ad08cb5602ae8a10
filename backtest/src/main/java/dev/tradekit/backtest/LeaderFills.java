package dev.tradekit.backtest;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A leader's historical fills read from a CSV with columns {@code time,symbol,side,price,qty}
 * (header optional; time in epoch ms or ISO-8601; side BUY/SELL). Replayed as a {@link Bot} that
 * sends a market order of each fill's quantity at its time; the recorded price is kept for
 * reference only, the simulated leader fills at the simulated market.
 */
final class LeaderFills {
  record Row(long time, String symbol, Side side, BigDecimal price, BigDecimal qty) {}

  private LeaderFills() {}

  static List<Row> read(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read leader fills " + csv, e);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("time"))) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length < 5) {
        throw new IllegalStateException(
            csv + ":" + (i + 1) + ": expected time,symbol,side,price,qty but got " + line);
      }
      try {
        String t = f[0].strip();
        long time = t.contains("T") ? Instant.parse(t).toEpochMilli() : Long.parseLong(t);
        rows.add(
            new Row(
                time,
                f[1].strip(),
                Side.valueOf(f[2].strip().toUpperCase(Locale.ROOT)),
                new BigDecimal(f[3].strip()),
                new BigDecimal(f[4].strip())));
      } catch (RuntimeException e) {
        throw new IllegalStateException(csv + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    rows.sort((a, b) -> Long.compare(a.time(), b.time()));
    return rows;
  }

  /** A bot that places the rows' market orders at their times (rows before now are skipped). */
  static Bot bot(List<Row> rows, Exchange exchange, Scheduler scheduler) {
    return new Bot() {
      @Override
      public void start() {
        long now = scheduler.currentTimeMillis();
        for (Row r : rows) {
          if (r.time() >= now) {
            scheduler.schedule(
                () -> exchange.trading().place(OrderRequest.market(r.symbol(), r.side(), r.qty())),
                r.time() - now,
                TimeUnit.MILLISECONDS);
          }
        }
      }

      @Override
      public void stop() {}
    };
  }
}
