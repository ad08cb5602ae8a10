package dev.tradekit.binance;

import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.PriceLevel;
import dev.tradekit.api.runtime.Scheduler;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.OkHttpClient;

/** Settings, contexts and wire messages for the stream tests. */
final class StreamTestSupport {
  private StreamTestSupport() {}

  /** Short delays so that tests finish quickly; keep-alive as given; seeded jitter. */
  static StreamSettings settings(Duration keepAlive) {
    return settings(keepAlive, Duration.ofHours(1), Duration.ZERO);
  }

  /** As {@link #settings(Duration)} with a connection age limit and a market silence timeout. */
  static StreamSettings settings(Duration keepAlive, Duration maxAge, Duration marketSilence) {
    return new StreamSettings(
        Duration.ofMillis(50),
        Duration.ofMillis(400),
        maxAge,
        marketSilence,
        Duration.ZERO,
        Duration.ZERO,
        keepAlive,
        Duration.ofMillis(50),
        Duration.ofMillis(400),
        Duration.ofSeconds(5),
        1000,
        1024,
        10,
        10_000,
        new Random(42));
  }

  static StreamSettings settings() {
    return settings(Duration.ofMinutes(30));
  }

  static StreamsContext context(
      URI base, FakeStreamRest rest, Scheduler scheduler, boolean legacy, boolean authenticated) {
    return new StreamsContext(
        new OkHttpClient(), base, rest, scheduler, new BinanceJson(), legacy, authenticated);
  }

  /** A snapshot from {@code {price, qty}} pairs given as strings. */
  static OrderBookSnapshot snapshot(
      String symbol, long lastUpdateId, String[][] bids, String[][] asks) {
    return new OrderBookSnapshot(symbol, lastUpdateId, 0, levels(bids), levels(asks));
  }

  private static List<PriceLevel> levels(String[][] pairs) {
    List<PriceLevel> out = new ArrayList<>();
    for (String[] p : pairs) {
      out.add(new PriceLevel(new BigDecimal(p[0]), new BigDecimal(p[1])));
    }
    return out;
  }

  /** A combined-stream depth diff frame. */
  static String depth(
      String symbol, long first, long last, long previous, String bids, String asks) {
    return "{\"stream\":\""
        + symbol.toLowerCase(java.util.Locale.ROOT)
        + "@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1700000000000,\"T\":1700000000000,"
        + "\"s\":\""
        + symbol
        + "\",\"U\":"
        + first
        + ",\"u\":"
        + last
        + ",\"pu\":"
        + previous
        + ",\"b\":["
        + bids
        + "],\"a\":["
        + asks
        + "]}}";
  }
}
