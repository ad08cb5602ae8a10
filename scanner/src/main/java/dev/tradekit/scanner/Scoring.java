package dev.tradekit.scanner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Computes the factors, weights and category of a tracked order into an {@link OrderUpdate}. */
final class Scoring {
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  private final WeightAlgorithm algorithm;
  private final double multiplier;

  Scoring(WeightAlgorithm algorithm, double multiplier) {
    this.algorithm = algorithm;
    this.multiplier = multiplier;
  }

  /** The market context at {@code nowMillis} from the scheduler clock and the volatilities. */
  static MarketContext context(long nowMillis, double symbolVol, double marketVol) {
    return new MarketContext(
        symbolVol, marketVol, timeOfDayFactor(nowMillis), weekendFactor(nowMillis));
  }

  /** 1.0 for UTC hours [13, 21), 0.85 for [7, 13) and [21, 24), 0.7 for [0, 7). */
  static double timeOfDayFactor(long nowMillis) {
    long hour = Math.floorMod(nowMillis, DAY) / HOUR;
    if (hour >= 13 && hour < 21) {
      return 1.0;
    }
    return hour >= 7 ? 0.85 : 0.7;
  }

  /** 0.8 on Saturday and Sunday (UTC), else 1.0. */
  static double weekendFactor(long nowMillis) {
    // 1970-01-01 was a Thursday: (epochDay + 3) mod 7 counts days from Monday (0) to Sunday (6).
    long dayOfWeek = Math.floorMod(Math.floorDiv(nowMillis, DAY) + 3, 7L);
    return dayOfWeek >= 5 ? 0.8 : 1.0;
  }

  /**
   * Where {@code price} sits: psychological levels are multiples of one tenth of its leading power
   * of ten (see {@link OrderAnalytics}).
   */
  static OrderAnalytics analytics(
      BigDecimal price, double mid, OrderAnalytics.@Nullable Outcome outcome) {
    BigDecimal p = price.stripTrailingZeros();
    int leading = p.precision() - p.scale() - 1; // exponent of the leading digit
    BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(leading - 1);
    BigDecimal nearest =
        p.divide(step, 0, RoundingMode.HALF_UP).multiply(step).stripTrailingZeros();
    if (nearest.scale() < 0) {
      nearest = nearest.setScale(0);
    }
    double px = p.doubleValue();
    double toRound = Math.abs(p.subtract(nearest).doubleValue()) / px * 100.0;
    boolean round = p.remainder(step).signum() == 0;
    return new OrderAnalytics(nearest, toRound, round, fromMidPercent(px, mid), outcome);
  }

  /** {@code |price − mid| / mid × 100}, 0 when no mid is known. */
  private static double fromMidPercent(double price, double mid) {
    return mid > 0 ? Math.abs(price - mid) / mid * 100.0 : 0.0;
  }

  /** The psychological levels of {@code o}'s price, computed once and kept on the order. */
  private static OrderAnalytics roundLevels(TrackedOrder o) {
    OrderAnalytics round = o.roundLevels;
    if (round == null) {
      round = analytics(o.price, 0, null);
      o.roundLevels = round;
    }
    return round;
  }

  /**
   * The configured algorithm's clamped weight of {@code o} at {@code now}: exactly the {@link
   * OrderUpdate#weight()} {@link #update} would give with {@link #context context(now, symbolVol,
   * marketVol)}. With a built-in algorithm it allocates nothing (after the order's first scoring),
   * so a sighting whose triggers do not fire costs no garbage; a custom algorithm is handed the
   * {@link ScoringInput} it needs.
   */
  double weight(TrackedOrder o, long now, double symbolVol, double marketVol) {
    if (!(algorithm instanceof BuiltInAlgorithm builtIn)
        || Double.isNaN(symbolVol)
        || Double.isNaN(marketVol)) {
      return clamp(algorithm.weigh(input(o, now, context(now, symbolVol, marketVol))));
    }
    double t = Math.max(0.0, (now - o.firstSeen) / 60_000.0);
    double vol = Math.max(0.0, symbolVol);
    double ratio = o.referenceMean > 0 ? o.quantity / o.referenceMean : 0.0;
    OrderAnalytics round = roundLevels(o);
    double w =
        builtIn.weigh(
            TimeFactors.linear(t),
            TimeFactors.exponential(t),
            TimeFactors.logarithmic(t),
            TimeFactors.volatilityAdaptive(t, vol),
            ScoringInput.sizeFactor(ratio, multiplier),
            OrderAnalytics.proximityFactor(fromMidPercent(o.priceValue, o.mid)),
            round.roundLevel() ? 1.0 : 0.0,
            MarketContext.contextFactor(
                symbolVol, marketVol, timeOfDayFactor(now), weekendFactor(now)));
    return clamp(w);
  }

  /** What the algorithms weigh for {@code o} at {@code now} in {@code context}. */
  private ScoringInput input(TrackedOrder o, long now, MarketContext context) {
    TimeFactors time = TimeFactors.at((now - o.firstSeen) / 60_000.0, context.symbolVolatility());
    double ratio = o.referenceMean > 0 ? o.quantity / o.referenceMean : 0.0;
    double size = ScoringInput.sizeFactor(ratio, multiplier);
    OrderAnalytics round = roundLevels(o);
    OrderAnalytics analytics =
        new OrderAnalytics(
            round.nearestRoundLevel(),
            round.distanceToRoundPercent(),
            round.roundLevel(),
            fromMidPercent(o.priceValue, o.mid),
            o.outcome);
    return new ScoringInput(time, size, context, analytics);
  }

  /** The scored update of {@code o} at {@code now}, published for {@code reasons}. */
  OrderUpdate update(TrackedOrder o, long now, MarketContext context, Set<UpdateReason> reasons) {
    ScoringInput in = input(o, now, context);
    Map<String, Double> weights = new LinkedHashMap<>();
    for (WeightAlgorithm a : BuiltInAlgorithm.ALL) {
      weights.put(a.name(), clamp(a.weigh(in)));
    }
    double weight = clamp(algorithm.weigh(in));
    weights.put(algorithm.name(), weight);
    return new OrderUpdate(
        now,
        reasons,
        o.toLargeOrder(),
        in.time(),
        in.sizeFactor(),
        weights,
        algorithm.name(),
        weight,
        Category.of(weight),
        context,
        in.analytics());
  }

  /** {@code w} clamped to {@code [0, 1]}; NaN counts as 0. */
  static double clamp(double w) {
    if (Double.isNaN(w)) {
      return 0.0;
    }
    return Math.max(0.0, Math.min(1.0, w));
  }

  /** {@code u} published for other {@code reasons}. */
  static OrderUpdate withReasons(OrderUpdate u, Set<UpdateReason> reasons) {
    return new OrderUpdate(
        u.time(),
        reasons,
        u.order(),
        u.timeFactors(),
        u.sizeFactor(),
        u.weights(),
        u.algorithm(),
        u.weight(),
        u.category(),
        u.context(),
        u.analytics());
  }
}
