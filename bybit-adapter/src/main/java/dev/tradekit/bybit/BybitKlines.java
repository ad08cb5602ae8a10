package dev.tradekit.bybit;

import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bybit candles: the interval codes ({@code 1 3 5 15 30 60 120 240 360 720 D W M}) and the decoding
 * of {@code kline.{interval}.{symbol}} frames into the SPI's {@link Kline}.
 *
 * <p>Bybit gives no trade count and no taker-buy volume, so those are 0; {@code turnover} is the
 * quote volume. The SPI's 8-hour and 3-day intervals have no Bybit code.
 */
final class BybitKlines {
  /** One candle of a stream frame and whether it has closed ({@code confirm}). */
  record Update(Kline kline, boolean closed) {}

  private static final Map<KlineInterval, String> CODES =
      Map.ofEntries(
          Map.entry(KlineInterval.M1, "1"),
          Map.entry(KlineInterval.M3, "3"),
          Map.entry(KlineInterval.M5, "5"),
          Map.entry(KlineInterval.M15, "15"),
          Map.entry(KlineInterval.M30, "30"),
          Map.entry(KlineInterval.H1, "60"),
          Map.entry(KlineInterval.H2, "120"),
          Map.entry(KlineInterval.H4, "240"),
          Map.entry(KlineInterval.H6, "360"),
          Map.entry(KlineInterval.H12, "720"),
          Map.entry(KlineInterval.D1, "D"),
          Map.entry(KlineInterval.W1, "W"),
          Map.entry(KlineInterval.MN1, "M"));

  private BybitKlines() {}

  /**
   * The Bybit code of {@code interval}, e.g. {@code "60"} for one hour.
   *
   * @throws IllegalArgumentException for an interval Bybit does not offer (8h, 3d)
   */
  static String code(KlineInterval interval) {
    String code = CODES.get(interval);
    if (code == null) {
      throw new IllegalArgumentException(
          "Bybit has no " + interval.code() + " candles; it offers " + CODES.keySet());
    }
    return code;
  }

  /**
   * The interval of a Bybit code.
   *
   * @throws IllegalArgumentException for a code Bybit does not document
   */
  static KlineInterval interval(String code) {
    for (Map.Entry<KlineInterval, String> e : CODES.entrySet()) {
      if (e.getValue().equals(code)) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("unknown Bybit kline interval '" + code + "'");
  }

  /** The stream topic of a symbol's candles, e.g. {@code kline.1.BTCUSDT}. */
  static String topic(String symbol, KlineInterval interval) {
    return "kline." + code(interval) + "." + symbol;
  }

  /**
   * Decodes one {@code kline.{interval}.{symbol}} frame: every candle it holds with {@code closed =
   * confirm}. This is what a {@code Streams.klines} subscription hands its listener.
   *
   * @throws IllegalArgumentException when the topic is not a kline topic
   */
  static List<Update> fromFrame(BybitWire.KlineFrame frame) {
    String[] parts = frame.topic.split("\\.", 3);
    if (parts.length != 3 || !parts[0].equals("kline")) {
      throw new IllegalArgumentException("not a kline topic: '" + frame.topic + "'");
    }
    KlineInterval interval = interval(parts[1]);
    String symbol = parts[2];
    List<Update> out = new ArrayList<>(frame.data.size());
    for (BybitWire.KlineDto k : frame.data) {
      Kline kline =
          new Kline(
              symbol,
              interval,
              k.start,
              k.end,
              new BigDecimal(k.open),
              new BigDecimal(k.high),
              new BigDecimal(k.low),
              new BigDecimal(k.close),
              new BigDecimal(k.volume),
              new BigDecimal(k.turnover),
              0,
              BigDecimal.ZERO);
      out.add(new Update(kline, k.confirm));
    }
    return out;
  }
}
