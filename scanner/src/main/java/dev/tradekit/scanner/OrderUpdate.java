package dev.tradekit.scanner;

import static dev.tradekit.scanner.ScannerJson.decimal;
import static dev.tradekit.scanner.ScannerJson.number;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
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
    return ScannerJson.write(this::write);
  }

  private void write(JsonWriter w) throws IOException {
    w.beginObject();
    w.name("time").value(time);
    w.name("reasons").beginArray();
    for (UpdateReason r : reasons) {
      w.value(r.name());
    }
    w.endArray();
    w.name("id").value(order.id());
    w.name("symbol").value(order.symbol());
    w.name("side").value(order.side().name());
    w.name("stage").value(order.stage().name());
    decimal(w.name("price"), order.price());
    number(w.name("quantity"), order.quantity());
    number(w.name("initialQuantity"), order.initialQuantity());
    number(w.name("usdValue"), order.usdValue());
    w.name("firstSeen").value(order.firstSeen());
    w.name("lastSeen").value(order.lastSeen());
    number(w.name("lifetimeSeconds"), order.lifetimeMillis() / 1000.0);
    w.name("timeFactors").beginObject();
    number(w.name("minutes"), timeFactors.minutes());
    number(w.name("linear"), timeFactors.linear());
    number(w.name("exponential"), timeFactors.exponential());
    number(w.name("logarithmic"), timeFactors.logarithmic());
    number(w.name("volatilityAdaptive"), timeFactors.volatilityAdaptive());
    w.endObject();
    number(w.name("sizeFactor"), sizeFactor);
    w.name("algorithm").value(algorithm);
    number(w.name("weight"), weight);
    w.name("category").value(category.name());
    w.name("weights").beginObject();
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      number(w.name(e.getKey()), e.getValue());
    }
    w.endObject();
    w.name("categories").beginObject();
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      w.name(e.getKey()).value(Category.of(e.getValue()).name());
    }
    w.endObject();
    w.name("marketContext").beginObject();
    number(w.name("symbolVolatility1h"), context.symbolVolatility());
    number(w.name("marketVolatility1h"), context.marketVolatility());
    number(w.name("timeOfDayFactor"), context.timeOfDayFactor());
    number(w.name("weekendFactor"), context.weekendFactor());
    number(w.name("contextFactor"), context.contextFactor());
    w.endObject();
    w.name("analytics").beginObject();
    decimal(w.name("nearestRoundLevel"), analytics.nearestRoundLevel());
    number(w.name("distanceToRoundPercent"), analytics.distanceToRoundPercent());
    w.name("roundLevel").value(analytics.roundLevel());
    number(w.name("distanceFromMidPercent"), analytics.distanceFromMidPercent());
    OrderAnalytics.Outcome outcome = analytics.outcome();
    w.name("outcome").value(outcome == null ? null : outcome.name());
    w.endObject();
    w.endObject();
  }
}
