package dev.tradekit.api.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TickScaleTest {

  private static long parse(TickScale scale, String s) {
    return scale.parseTicks(s, 0, s.length());
  }

  @Test
  void parsesPricesIntoTicks() {
    TickScale btc = TickScale.of(new BigDecimal("0.10"));
    assertThat(parse(btc, "57123.40")).isEqualTo(571234);
    assertThat(parse(btc, "57123.4")).isEqualTo(571234);
    assertThat(parse(btc, "57123")).isEqualTo(571230);
    TickScale small = TickScale.of(new BigDecimal("0.00000001"));
    assertThat(parse(small, "0.00001234")).isEqualTo(1234);
    assertThat(parse(small, "0.000012340000000000000000")).isEqualTo(1234);
    assertThat(parse(small, "-0.00001234")).isEqualTo(-1234);
    assertThat(parse(small, "+.5")).isEqualTo(50_000_000);
  }

  @Test
  void parsesWithinLargerText() {
    TickScale scale = TickScale.of(new BigDecimal("0.01"));
    String json = "{\"p\":\"1.25\"}";
    assertThat(scale.parseTicks(json, 6, 10)).isEqualTo(125);
  }

  @Test
  void roundsOffGridPricesHalfUp() {
    TickScale scale = TickScale.of(new BigDecimal("0.5"));
    assertThat(parse(scale, "1.24")).isEqualTo(2);
    assertThat(parse(scale, "1.25")).isEqualTo(3);
    assertThat(parse(scale, "1.26")).isEqualTo(3);
    assertThat(parse(scale, "-1.25")).isEqualTo(-3);
    TickScale tens = TickScale.of(new BigDecimal("10"));
    assertThat(parse(tens, "14.99")).isEqualTo(1);
    assertThat(parse(tens, "15")).isEqualTo(2);
    TickScale btc = TickScale.of(new BigDecimal("0.1"));
    assertThat(parse(btc, "57123.44999999")).isEqualTo(571234);
    assertThat(parse(btc, "57123.45")).isEqualTo(571235);
  }

  @Test
  void parseAgreesWithBigDecimalForRandomInputs() {
    Random random = new Random(7);
    String[] ticks = {"0.1", "0.01", "0.5", "0.00000001", "1", "10", "25", "0.0025"};
    for (int n = 0; n < 20_000; n++) {
      TickScale scale = TickScale.of(new BigDecimal(ticks[random.nextInt(ticks.length)]));
      String text = DecimalsTest.randomDecimal(random, 1 + random.nextInt(22));
      BigDecimal exact = new BigDecimal(text).divide(scale.tickSize(), 0, RoundingMode.HALF_UP);
      if (exact.toBigInteger().bitLength() > 63) {
        assertThatThrownBy(() -> parse(scale, text))
            .as(text + " / " + scale)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("too large");
      } else {
        assertThat(parse(scale, text)).as(text + " / " + scale).isEqualTo(exact.longValueExact());
      }
    }
  }

  @Test
  void fallsBackForExponentFormsAndLongDigits() {
    TickScale scale = TickScale.of(BigDecimal.ONE);
    assertThat(parse(scale, "1E+2")).isEqualTo(100);
    assertThat(parse(scale, "1234567890123456789.5")).isEqualTo(1234567890123456790L);
    assertThat(parse(scale, "0.000000000000000000000000000000000000000000000000009")).isZero();
  }

  @Test
  void rejectsMalformedText() {
    TickScale scale = TickScale.of(new BigDecimal("0.1"));
    for (String bad : new String[] {"", "-", ".", "1.2.3", "12a", " 1"}) {
      assertThatThrownBy(() -> parse(scale, bad)).as(bad).isInstanceOf(NumberFormatException.class);
    }
  }

  @Test
  void convertsBigDecimalsExactly() {
    TickScale scale = TickScale.of(new BigDecimal("0.10"));
    assertThat(scale.toTicks(new BigDecimal("57123.40"))).isEqualTo(571234);
    assertThat(scale.toTicks(new BigDecimal("57123.4000"))).isEqualTo(571234);
    assertThatThrownBy(() -> scale.toTicks(new BigDecimal("57123.45")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a multiple of tick size 0.1");
  }

  @Test
  void toPriceEqualsTheDecimalProductStrippedForEveryTickSizeAndRange() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (String tick : new String[] {"0.5", "0.25", "0.01", "0.10", "5", "1E+1", "0.00000001"}) {
      TickScale scale = TickScale.of(new BigDecimal(tick));
      for (int i = 0; i < 2_000; i++) {
        long t =
            i < 3
                ? new long[] {Long.MAX_VALUE, Long.MIN_VALUE + 1, 0}[i]
                : random.nextLong() >> i % 60;
        BigDecimal expected = BigDecimal.valueOf(t).multiply(scale.tickSize()).stripTrailingZeros();
        expected = expected.scale() < 0 ? expected.setScale(0) : expected;
        BigDecimal actual = scale.toPrice(t);
        assertThat(actual.toString()).as("%s ticks of %s", t, tick).isEqualTo(expected.toString());
      }
    }
  }

  @Test
  void toPriceIsPlainAndRoundTrips() {
    TickScale one = TickScale.of(new BigDecimal("1"));
    assertThat(one.toPrice(100).toString()).isEqualTo("100");
    TickScale tens = TickScale.of(new BigDecimal("1E+1"));
    assertThat(tens.tickSize().toString()).isEqualTo("10");
    assertThat(tens.toPrice(12).toString()).isEqualTo("120");
    TickScale btc = TickScale.of(new BigDecimal("0.10"));
    assertThat(btc.toPrice(571234).toString()).isEqualTo("57123.4");
    assertThat(btc.toPrice(571230).toString()).isEqualTo("57123");
    assertThat(btc.toPrice(0).toString()).isEqualTo("0");
    TickScale sats = TickScale.of(new BigDecimal("0.00000001"));
    assertThat(sats.toPrice(1234).toString()).isEqualTo("0.00001234");
    for (long t = -1_000; t <= 1_000; t += 7) {
      assertThat(sats.toTicks(sats.toPrice(t))).isEqualTo(t);
      assertThat(parse(sats, sats.toPrice(t).toPlainString())).isEqualTo(t);
    }
  }

  @Test
  void toDoubleIsNearestDouble() {
    TickScale btc = TickScale.of(new BigDecimal("0.1"));
    assertThat(btc.toDouble(571234)).isEqualTo(57123.4);
    TickScale sats = TickScale.of(new BigDecimal("0.00000001"));
    assertThat(sats.toDouble(1234)).isEqualTo(0.00001234);
    TickScale tens = TickScale.of(new BigDecimal("10"));
    assertThat(tens.toDouble(-3)).isEqualTo(-30.0);
    Random random = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      long t = random.nextLong() >> random.nextInt(64);
      assertThat(btc.toDouble(t)).isEqualTo(btc.toPrice(t).doubleValue());
    }
  }

  @Test
  void toDoubleEqualsBigDecimalDoubleValueForBinaryDecimalAndHugeTickSizes() {
    String[] sizes = {
      "0.01",
      "0.1",
      "0.5",
      "0.25",
      "0.125",
      "0.0625",
      "1",
      "2",
      "5",
      "10",
      "25",
      "100",
      "1000",
      "0.00001",
      "0.00000001",
      "0.0005",
      "0.3",
      "0.03",
      "1.5",
      "12.5",
      "0.000000000000000001",
      "123456789012345678",
      "1E+20",
      "3E+25",
      "0.000000000000000000000001"
    };
    Random random = new Random(11);
    for (String size : sizes) {
      TickScale scale = TickScale.of(new BigDecimal(size));
      for (int i = 0; i < 20_000; i++) {
        long t =
            switch (i % 4) {
              case 0 -> random.nextLong() >> random.nextInt(64);
              case 1 ->
                  (1L << 53) / Math.max(1, scale.tickSize().unscaledValue().longValue())
                      + random.nextInt(5)
                      - 2;
              case 2 -> random.nextInt(10_000_000);
              default -> -(1L << 53) + random.nextInt(5) - 2;
            };
        assertThat(scale.toDouble(t))
            .as("%s ticks of %s", t, size)
            .isEqualTo(scale.toPrice(t).doubleValue());
      }
      assertThat(scale.toDouble(Long.MIN_VALUE))
          .isEqualTo(scale.toPrice(Long.MIN_VALUE).doubleValue());
      assertThat(scale.toDouble(Long.MAX_VALUE))
          .isEqualTo(scale.toPrice(Long.MAX_VALUE).doubleValue());
    }
  }

  @Test
  void rejectsNonPositiveTickSize() {
    assertThatThrownBy(() -> TickScale.of(BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tickSize must be positive");
  }
}
