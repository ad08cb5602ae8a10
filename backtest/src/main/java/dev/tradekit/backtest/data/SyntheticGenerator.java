package dev.tradekit.backtest.data;

import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

/**
 * The synthetic market's state machine: a latent mid on a random walk, a {@link SyntheticBook} that
 * follows it, and trades that eat the touch. Deterministic for a given config and seed (only {@link
 * SplittableRandom} and {@link StrictMath} feed the numbers).
 */
final class SyntheticGenerator {

  private static final int SNAPSHOT = 0;
  private static final int STEP = 1;
  private static final int DIFF = 2;
  private static final int TICKER = 3;
  private static final int END = 4;

  private static final double SECONDS_PER_DAY = 86_400;
  private static final double LEVEL_DECAY = 0.04;
  private static final double SIZE_SIGMA = 0.6;
  private static final double TRADE_SIGMA = 0.9;
  private static final double MOMENTUM = 0.2;

  private final SyntheticMarket.Config cfg;
  private final SplittableRandom random;
  private final SyntheticBook book;
  private final SyntheticBook.LotScale lot;
  private final SyntheticBook.LevelSizer sizer = this::freshLots;
  private final double sigmaTicksPerSqrtSecond;
  private final double totalRate;
  private final double tradeProbability;
  private final double touchLots;
  private final double spreadRatio;
  private final long durationNanos;

  private double mid;
  private long clockNanos;
  private long updateId = 1_000_000_000L;
  private long tradeId = 1;
  private long emitted;
  private int phase = SNAPSHOT;
  private int lastAggressorSign;
  private boolean firstDiff = true;
  private double spareGaussian;
  private boolean hasSpare;

  SyntheticGenerator(SyntheticMarket.Config cfg) {
    this.cfg = cfg;
    this.random = new SplittableRandom(cfg.seed());
    this.book = new SyntheticBook(cfg.depthLevels());
    BigDecimal lotSize = cfg.lotSize();
    this.lot =
        lotSize.compareTo(BigDecimal.ONE) >= 0
            ? new SyntheticBook.LotScale(lotSize.doubleValue(), 1)
            : new SyntheticBook.LotScale(1, BigDecimal.ONE.divide(lotSize).doubleValue());
    this.mid = cfg.initialMid().divide(cfg.tickSize(), MathContext.DECIMAL64).doubleValue();
    this.sigmaTicksPerSqrtSecond = mid * cfg.dailyVolatility() / StrictMath.sqrt(SECONDS_PER_DAY);
    this.totalRate = cfg.tradeRatePerSecond() + cfg.updateRatePerSecond();
    this.tradeProbability = cfg.tradeRatePerSecond() / totalRate;
    this.touchLots = Math.max(1, cfg.meanTouchQuantity() / cfg.lotSize().doubleValue());
    this.spreadRatio = (cfg.meanSpreadTicks() - 1) / cfg.meanSpreadTicks();
    this.durationNanos = Math.multiplyExact(cfg.durationMillis(), 1_000_000L);
  }

  boolean next(MarketEvent e) {
    if (phase == END || emitted >= cfg.maxEvents()) {
      phase = END;
      return false;
    }
    switch (phase) {
      case SNAPSHOT -> snapshot(e);
      case STEP -> {
        double dt = -StrictMath.log(1 - random.nextDouble()) / totalRate;
        clockNanos += Math.max(1, (long) (dt * 1e9));
        if (clockNanos > durationNanos) {
          phase = END;
          return false;
        }
        mid += sigmaTicksPerSqrtSecond * StrictMath.sqrt(dt) * gaussian();
        if (random.nextDouble() < tradeProbability) {
          trade(e);
        } else {
          recenterAndPerturb();
          diff(e);
        }
      }
      case DIFF -> diff(e);
      case TICKER -> ticker(e);
      default -> throw new IllegalStateException("phase " + phase);
    }
    emitted++;
    return true;
  }

  private void snapshot(MarketEvent e) {
    long spread = sampleSpread();
    long bid = (long) StrictMath.floor(mid - spread / 2.0);
    book.place(bid, bid + spread);
    book.refill(Side.BUY, sizer);
    book.refill(Side.SELL, sizer);
    start(e, MarketEvent.Type.DEPTH_SNAPSHOT).updateIds(0, updateId, 0);
    book.writeSnapshot(e, lot);
    phase = STEP;
  }

  private void recenterAndPerturb() {
    long spread = sampleSpread();
    long bid = (long) StrictMath.floor(mid - spread / 2.0);
    book.moveBest(Side.BUY, bid);
    book.moveBest(Side.SELL, bid + spread);
    book.refill(Side.BUY, sizer);
    book.refill(Side.SELL, sizer);
    int changes = 1 + random.nextInt(3);
    for (int k = 0; k < changes; k++) {
      Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
      int index = (int) Math.min(book.depth() - 1, geometric(2.0 / 3.0));
      long old = book.lots(side, index);
      long now = Math.max(1, Math.round(old * StrictMath.exp(0.4 * gaussian())));
      book.setLots(side, index, now == old ? old + 1 : now);
    }
  }

  private void trade(MarketEvent e) {
    double drift = (mid - (book.best(Side.BUY) + book.best(Side.SELL)) / 2.0) * 0.2;
    double pBuy = 0.5 + MOMENTUM * lastAggressorSign + Math.max(-0.25, Math.min(0.25, drift));
    Side aggressor = random.nextDouble() < pBuy ? Side.BUY : Side.SELL;
    lastAggressorSign = aggressor.sign();
    Side resting = aggressor.opposite();
    long price = book.best(resting);
    long available = book.lots(resting, 0);
    double mean = touchLots * 0.3;
    long size =
        Math.max(
            1,
            Math.round(
                mean * StrictMath.exp(TRADE_SIGMA * gaussian() - TRADE_SIGMA * TRADE_SIGMA / 2)));
    if (size >= available) {
      size = available;
      book.moveBest(resting, resting == Side.SELL ? price + 1 : price - 1);
      book.refill(resting, sizer);
    } else {
      book.setLots(resting, 0, available - size);
    }
    start(e, MarketEvent.Type.TRADE)
        .trade(tradeId++, price, lot.quantity(size), aggressor == Side.SELL);
    phase = DIFF;
  }

  private void diff(MarketEvent e) {
    long first = firstDiff ? updateId : updateId + 1;
    long prev = firstDiff ? updateId - 1 : updateId;
    firstDiff = false;
    updateId = first + random.nextInt(4);
    start(e, MarketEvent.Type.DEPTH_UPDATE).updateIds(first, updateId, prev);
    book.writeDiff(e, lot);
    phase = TICKER;
  }

  private void ticker(MarketEvent e) {
    start(e, MarketEvent.Type.BOOK_TICKER)
        .updateIds(0, updateId, 0)
        .bookTicker(
            book.best(Side.BUY),
            lot.quantity(book.lots(Side.BUY, 0)),
            book.best(Side.SELL),
            lot.quantity(book.lots(Side.SELL, 0)));
    phase = STEP;
  }

  private MarketEvent start(MarketEvent e, MarketEvent.Type type) {
    long nanos = cfg.startTimeMillis() * 1_000_000L + clockNanos;
    return e.reset(type, cfg.symbol(), cfg.startTimeMillis() + clockNanos / 1_000_000L, nanos);
  }

  private long freshLots(int index) {
    double size =
        touchLots
            * StrictMath.exp(-LEVEL_DECAY * index)
            * StrictMath.exp(SIZE_SIGMA * gaussian() - SIZE_SIGMA * SIZE_SIGMA / 2);
    return Math.max(1, Math.round(size));
  }

  private long sampleSpread() {
    long extra = spreadRatio <= 0 ? 0 : geometric(1 - spreadRatio);
    return 1 + Math.min(extra, 10L * book.depth());
  }

  /** Failures before the first success of a Bernoulli(p) sequence. */
  private long geometric(double p) {
    double u = 1 - random.nextDouble();
    return (long) StrictMath.floor(StrictMath.log(u) / StrictMath.log(1 - p));
  }

  private double gaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spareGaussian;
    }
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    double r = StrictMath.sqrt(-2 * StrictMath.log(u1));
    spareGaussian = r * StrictMath.sin(2 * Math.PI * u2);
    hasSpare = true;
    return r * StrictMath.cos(2 * Math.PI * u2);
  }
}
