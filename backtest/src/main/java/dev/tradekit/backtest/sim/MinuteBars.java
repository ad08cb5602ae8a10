package dev.tradekit.backtest.sim;

import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.Ticker24h;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One-minute bars of the trades the accounts have seen, in a preallocated ring covering the last 7
 * days: the source of the simulated {@code klines} (aggregated to any interval, aligned to the
 * epoch; a month is a nominal 30 days) and 24-hour tickers. Updating allocates nothing.
 */
final class MinuteBars {
  static final int MINUTES = 7 * 24 * 60;
  private static final long MINUTE = 60_000L;

  private final SymbolMarket market;
  private final long[] minute = new long[MINUTES];
  private final long[] open = new long[MINUTES];
  private final long[] high = new long[MINUTES];
  private final long[] low = new long[MINUTES];
  private final long[] close = new long[MINUTES];
  private final double[] volume = new double[MINUTES];
  private final double[] quoteVolume = new double[MINUTES];
  private final double[] takerBuy = new double[MINUTES];
  private final long[] count = new long[MINUTES];

  /** Start time and ring index of the minute of the last trade (no division while it repeats). */
  private long currentStart = Long.MAX_VALUE;

  private int currentIndex;

  MinuteBars(SymbolMarket market) {
    this.market = market;
    Arrays.fill(minute, Long.MIN_VALUE);
  }

  void onTrade(long time, long priceTicks, double qty, boolean buyerMaker) {
    int i = currentIndex;
    if (time < currentStart || time - currentStart >= MINUTE) {
      // a trade of another minute than the last one: find (and maybe start) its bar
      long m = Math.floorDiv(time, MINUTE);
      i = (int) Math.floorMod(m, (long) MINUTES);
      currentStart = m * MINUTE;
      currentIndex = i;
      if (minute[i] != m) {
        minute[i] = m;
        open[i] = priceTicks;
        high[i] = priceTicks;
        low[i] = priceTicks;
        volume[i] = 0;
        quoteVolume[i] = 0;
        takerBuy[i] = 0;
        count[i] = 0;
      }
    }
    high[i] = Math.max(high[i], priceTicks);
    low[i] = Math.min(low[i], priceTicks);
    close[i] = priceTicks;
    volume[i] += qty;
    quoteVolume[i] += qty * market.scale.toDouble(priceTicks);
    if (!buyerMaker) {
      takerBuy[i] += qty;
    }
    count[i]++;
  }

  /** Bars of the query, oldest first; only minutes still in the ring and with trades count. */
  List<Kline> klines(KlineQuery q, long now) {
    long len = q.interval().millis();
    long end = Math.min(q.endTime() != null ? q.endTime() : now, now);
    long start =
        q.startTime() != null
            ? q.startTime()
            : Math.floorDiv(end, len) * len - (q.limit() - 1) * len;
    long firstBar =
        Math.floorDiv(Math.max(start, (Math.floorDiv(now, MINUTE) - MINUTES + 1) * MINUTE), len)
            * len;
    List<Kline> out = new ArrayList<>();
    for (long barStart = firstBar; barStart <= end && out.size() < q.limit(); barStart += len) {
      Kline k = aggregate(q.interval(), barStart, Math.min(barStart + len, now + 1));
      if (k != null && barStart + len > start) {
        out.add(k);
      }
    }
    return out;
  }

  /** Rolling statistics of the last 24 hours. */
  Ticker24h ticker24h(long now) {
    long from = now - 86_400_000L;
    Kline k = aggregate(KlineInterval.D1, from, now + 1);
    if (k == null) {
      BigDecimal last = lastPrice();
      return new Ticker24h(
          market.symbol(),
          last,
          last,
          last,
          last,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          BigDecimal.ZERO,
          Math.max(0, from),
          Math.max(0, now),
          0);
    }
    BigDecimal change =
        k.open().signum() == 0
            ? BigDecimal.ZERO
            : Amounts.plain(
                k.close()
                    .subtract(k.open())
                    .multiply(BigDecimal.valueOf(100))
                    .divide(k.open(), new MathContext(6)));
    return new Ticker24h(
        market.symbol(),
        k.close(),
        k.open(),
        k.high(),
        k.low(),
        k.volume(),
        k.quoteVolume(),
        change,
        Math.max(0, from),
        Math.max(0, now),
        k.trades());
  }

  private BigDecimal lastPrice() {
    BigDecimal mark = market.mark();
    return mark == null ? BigDecimal.ZERO : mark;
  }

  private @Nullable Kline aggregate(KlineInterval interval, long from, long to) {
    long o = 0;
    long h = Long.MIN_VALUE;
    long l = Long.MAX_VALUE;
    long c = 0;
    double v = 0;
    double qv = 0;
    double tb = 0;
    long n = 0;
    for (long m = Math.floorDiv(from + MINUTE - 1, MINUTE); m * MINUTE < to; m++) {
      int i = (int) Math.floorMod(m, (long) MINUTES);
      if (minute[i] != m) {
        continue;
      }
      if (n == 0) {
        o = open[i];
      }
      h = Math.max(h, high[i]);
      l = Math.min(l, low[i]);
      c = close[i];
      v += volume[i];
      qv += quoteVolume[i];
      tb += takerBuy[i];
      n += count[i];
    }
    if (n == 0) {
      return null;
    }
    return new Kline(
        market.symbol(),
        interval,
        Math.max(0, from),
        Math.max(0, from + interval.millis() - 1),
        market.price(o),
        market.price(h),
        market.price(l),
        market.price(c),
        decimal(v),
        decimal(qv),
        n,
        decimal(tb));
  }

  private static BigDecimal decimal(double v) {
    return Amounts.plain(new BigDecimal(v, MathContext.DECIMAL64));
  }
}
