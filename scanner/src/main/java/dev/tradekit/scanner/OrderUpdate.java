package dev.tradekit.scanner;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One published change of one large order: the order, why it was published, and its scores.
 *
 * <p>{@link #toJson()} is the document feed subscribers receive, for example:
 *
 * <pre>{@code
 * {"time":1700000000000,"reasons":["ENTERED_HOT"],"id":"9f86d081884c7d65","symbol":"BTCUSDT",
 *  "side":"BUY","stage":"HOT","price":"30000","quantity":12.5,"initialQuantity":12.5,
 *  "usdValue":375000,"firstSeen":1699999930000,"lastSeen":1700000000000,"lifetimeSeconds":70,
 *  "timeFactors":{"minutes":1.1666,"linear":0.0194,...},"sizeFactor":0.71,
 *  "algorithm":"recommended","weight":0.52,"category":"GOLD",
 *  "weights":{"conservative":0.41,...},"categories":{"conservative":"GOLD",...},
 *  "marketContext":{"symbolVolatility1h":0.8,...},
 *  "analytics":{"nearestRoundLevel":"30000","distanceToRoundPercent":0,"roundLevel":true,...}}
 * }</pre>
 *
 * @param time epoch millis (scheduler clock) when the update was made
 * @param reasons why it was published, never empty
 * @param weights the weight of every built-in algorithm and of the configured one, by name
 * @param algorithm the name of the configured algorithm, whose weight gives {@code category}
 * @param weight the configured algorithm's weight, clamped to {@code [0, 1]}
 */
public record OrderUpdate(
    long time,
    Set<UpdateReason> reasons,
    LargeOrder order,
    TimeFactors timeFactors,
    double sizeFactor,
    Map<String, Double> weights,
    String algorithm,
    double weight,
    Category category,
    MarketContext context,
    OrderAnalytics analytics) {

  /** Copies the collections and checks that nothing is null and {@code reasons} is not empty. */
  public OrderUpdate {
    Objects.requireNonNull(reasons, "reasons");
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("reasons must not be empty");
    }
    reasons = Collections.unmodifiableSet(EnumSet.copyOf(reasons));
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(timeFactors, "timeFactors");
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(analytics, "analytics");
  }

  /** The feed document: one JSON object, as in the type's Javadoc. */
  public String toJson() {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("time").value(time);
    w.name("reasons").beginArray();
    reasons.forEach(r -> w.value(r.name()));
    w.endArray();
    w.name("id").value(order.id());
    w.name("symbol").value(order.symbol());
    w.name("side").value(order.side().name());
    w.name("stage").value(order.stage().name());
    w.name("price").value(order.price());
    w.name("quantity").value(order.quantity());
    w.name("initialQuantity").value(order.initialQuantity());
    w.name("usdValue").value(order.usdValue());
    w.name("firstSeen").value(order.firstSeen());
    w.name("lastSeen").value(order.lastSeen());
    w.name("lifetimeSeconds").value(order.lifetimeMillis() / 1000.0);
    w.name("timeFactors").beginObject();
    w.name("minutes").value(timeFactors.minutes());
    w.name("linear").value(timeFactors.linear());
    w.name("exponential").value(timeFactors.exponential());
    w.name("logarithmic").value(timeFactors.logarithmic());
    w.name("volatilityAdaptive").value(timeFactors.volatilityAdaptive());
    w.endObject();
    w.name("sizeFactor").value(sizeFactor);
    w.name("algorithm").value(algorithm);
    w.name("weight").value(weight);
    w.name("category").value(category.name());
    w.name("weights").beginObject();
    weights.forEach((k, v) -> w.name(k).value(v));
    w.endObject();
    w.name("categories").beginObject();
    weights.forEach((k, v) -> w.name(k).value(Category.of(v).name()));
    w.endObject();
    w.name("marketContext").beginObject();
    w.name("symbolVolatility1h").value(context.symbolVolatility());
    w.name("marketVolatility1h").value(context.marketVolatility());
    w.name("timeOfDayFactor").value(context.timeOfDayFactor());
    w.name("weekendFactor").value(context.weekendFactor());
    w.name("contextFactor").value(context.contextFactor());
    w.endObject();
    w.name("analytics").beginObject();
    w.name("nearestRoundLevel").value(analytics.nearestRoundLevel());
    w.name("distanceToRoundPercent").value(analytics.distanceToRoundPercent());
    w.name("roundLevel").value(analytics.roundLevel());
    w.name("distanceFromMidPercent").value(analytics.distanceFromMidPercent());
    OrderAnalytics.Outcome outcome = analytics.outcome();
    w.name("outcome");
    if (outcome == null) {
      w.nullValue();
    } else {
      w.value(outcome.name());
    }
    w.endObject();
    return w.endObject().toString();
  }
}
