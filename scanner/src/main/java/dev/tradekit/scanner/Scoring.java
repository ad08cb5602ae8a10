package dev.tradekit.scanner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Computes the factors, weights and category of a tracked order into an {@link OrderUpdate}. */
final class Scoring {
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
    int hour = utc(nowMillis).getHour();
    if (hour >= 13 && hour < 21) {
      return 1.0;
    }
    return hour >= 7 ? 0.85 : 0.7;
  }

  /** 0.8 on Saturday and Sunday (UTC), else 1.0. */
  static double weekendFactor(long nowMillis) {
    DayOfWeek day = utc(nowMillis).getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 0.8 : 1.0;
  }

  private static ZonedDateTime utc(long nowMillis) {
    return Instant.ofEpochMilli(nowMillis).atZone(ZoneOffset.UTC);
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
    double fromMid = mid > 0 ? Math.abs(px - mid) / mid * 100.0 : 0.0;
    return new OrderAnalytics(nearest, toRound, round, fromMid, outcome);
  }

  /** The scored update of {@code o} at {@code now}, published for {@code reasons}. */
  OrderUpdate update(TrackedOrder o, long now, MarketContext context, Set<UpdateReason> reasons) {
    TimeFactors time = TimeFactors.at((now - o.firstSeen) / 60_000.0, context.symbolVolatility());
    double ratio = o.referenceMean > 0 ? o.quantity / o.referenceMean : 0.0;
    double size = ScoringInput.sizeFactor(ratio, multiplier);
    OrderAnalytics round = o.roundLevels;
    if (round == null) {
      round = analytics(o.price, 0, null);
      o.roundLevels = round;
    }
    double px = o.price.doubleValue();
    OrderAnalytics analytics =
        new OrderAnalytics(
            round.nearestRoundLevel(),
            round.distanceToRoundPercent(),
            round.roundLevel(),
            o.mid > 0 ? Math.abs(px - o.mid) / o.mid * 100.0 : 0.0,
            o.outcome);
    ScoringInput in = new ScoringInput(time, size, context, analytics);
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
        time,
        size,
        weights,
        algorithm.name(),
        weight,
        Category.of(weight),
        context,
        analytics);
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
