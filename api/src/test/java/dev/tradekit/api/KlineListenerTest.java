package dev.tradekit.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Kline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KlineListenerTest {

  /** Records what {@link KlineListener.Numeric#onBar} receives. */
  static final class Recording implements KlineListener.Numeric {
    final List<Object> got = new ArrayList<>();

    @Override
    public void onKline(Kline kline, boolean closed) {
      got.add("kline");
    }

    @Override
    public void onBar(
        long openTime,
        long closeTime,
        double open,
        double high,
        double low,
        double close,
        double volume,
        boolean closed) {
      got.addAll(List.of(openTime, closeTime, open, high, low, close, volume, closed));
    }
  }

  @Test
  void aNumericListenerGivenTicksGetsTheDecimalPricesDoublesThroughOnBarByDefault() {
    Recording l = new Recording();
    TickScale scale = TickScale.of(new BigDecimal("0.01"));

    l.onTicks(60_000, 119_999, 3_000_001, 3_000_517, 2_999_903, 3_000_010, scale, 1.5, true);

    assertThat(l.got)
        .containsExactly(
            60_000L,
            119_999L,
            new BigDecimal("30000.01").doubleValue(),
            new BigDecimal("30005.17").doubleValue(),
            new BigDecimal("29999.03").doubleValue(),
            new BigDecimal("30000.10").doubleValue(),
            1.5,
            true);
  }

  @Test
  void anUpdateGivenAsTicksStaysAnUpdate() {
    Recording l = new Recording();

    l.onTicks(0, 59_999, 5, 7, 3, 6, TickScale.of(new BigDecimal("0.5")), 0, false);

    assertThat(l.got).containsExactly(0L, 59_999L, 2.5, 3.5, 1.5, 3.0, 0.0, false);
  }
}
