package dev.tradekit.api.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalsTest {

  /** A random plain decimal with {@code digits} digits, a random point and optional sign. */
  static String randomDecimal(Random random, int digits) {
    StringBuilder sb = new StringBuilder();
    if (random.nextInt(4) == 0) {
      sb.append('-');
    }
    int point = random.nextInt(digits + 1);
    for (int i = 0; i < digits; i++) {
      if (i == point && i > 0) {
        sb.append('.');
      }
      // bias towards zeros to produce leading/trailing zero runs
      sb.append(random.nextInt(3) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
    }
    return sb.toString();
  }

  private static double parse(String s) {
    return Decimals.parseDouble(s, 0, s.length());
  }

  private static void assertSameAsJdk(String s) {
    assertThat(Double.doubleToRawLongBits(parse(s)))
        .as(s)
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
  }

  @Test
  void matchesDoubleParseDoubleForRandomDecimals() {
    Random random = new Random(11);
    for (int n = 0; n < 200_000; n++) {
      assertSameAsJdk(randomDecimal(random, 1 + random.nextInt(24)));
    }
  }

  @Test
  void matchesDoubleParseDoubleForRandomDoubles() {
    Random random = new Random(12);
    for (int n = 0; n < 100_000; n++) {
      double d = random.nextDouble() * Math.pow(10, random.nextInt(12) - 4);
      assertSameAsJdk(
          new java.math.BigDecimal(d)
              .round(new java.math.MathContext(1 + random.nextInt(17)))
              .toPlainString());
    }
  }

  @Test
  void handlesEdgeForms() {
    for (String s :
        new String[] {
          "0",
          "-0",
          "-0.0",
          "+1",
          "1.",
          ".5",
          "0.1",
          "0.3",
          "57123.40",
          "0.00001234",
          "9007199254740992",
          "9007199254740993",
          "123456789012345678901234567890",
          "0.0000000000000000000000001",
          "1e10",
          "-1.5E-3",
          "NaN",
          "Infinity",
          " 2.5 "
        }) {
      assertSameAsJdk(s);
    }
  }

  @Test
  void parsesWithinLargerTextAndRejectsGarbage() {
    String json = "[\"57123.40\",\"0.015\"]";
    assertThat(Decimals.parseDouble(json, 2, 10)).isEqualTo(57123.40);
    assertThat(Decimals.parseDouble(json, 13, 18)).isEqualTo(0.015);
    assertThatThrownBy(() -> parse("1.2.3")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> parse("")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Decimals.parseDouble("12", 1, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void parsesLongsInPlace() {
    String s = "id=8886774,x";
    assertThat(Decimals.parseLong(s, 3, 10)).isEqualTo(8_886_774L);
    assertThat(Decimals.parseLong("-9223372036854775808", 0, 20)).isEqualTo(Long.MIN_VALUE);
    assertThatThrownBy(() -> Decimals.parseLong("9223372036854775808", 0, 19))
        .isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Decimals.parseLong("1x", 0, 2))
        .isInstanceOf(NumberFormatException.class);
  }

  @Test
  void parseLongReadsWhatLongParseLongReads() {
    String[] texts = {
      "0",
      "-0",
      "+7",
      "-",
      "",
      "12",
      "-12",
      "000123",
      "999999999999999999",
      "-999999999999999999",
      "9223372036854775807",
      "-9223372036854775808",
      "9223372036854775808",
      "1 ",
      "1.0",
      "\u0661\u0662",
      "--1",
      "1-"
    };
    Random random = new Random(13);
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(texts));
    for (int n = 0; n < 20_000; n++) {
      all.add(Long.toString(random.nextLong() >> random.nextInt(64)));
    }
    for (String text : all) {
      Long expected;
      try {
        expected = Long.parseLong(text);
      } catch (NumberFormatException e) {
        expected = null;
      }
      if (expected == null) {
        assertThatThrownBy(() -> Decimals.parseLong(text, 0, text.length()))
            .as(text)
            .isInstanceOf(NumberFormatException.class);
      } else {
        assertThat(Decimals.parseLong(text, 0, text.length())).as(text).isEqualTo(expected);
      }
    }
  }

  @Test
  void toDoubleIsTheNearestDoubleOfTheUnscaledValueAndScale() {
    Random random = new Random(14);
    for (int n = 0; n < 50_000; n++) {
      long unscaled = random.nextLong() >> random.nextInt(64);
      int scale = random.nextInt(40) - 8;
      java.math.BigDecimal exact = java.math.BigDecimal.valueOf(unscaled, scale);
      assertThat(Double.doubleToRawLongBits(Decimals.toDouble(unscaled, scale)))
          .as("%d e-%d", unscaled, scale)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(exact.toString())));
    }
    assertThat(Decimals.toDouble(5_712_340, 2)).isEqualTo(57123.4);
    assertThat(Decimals.toDouble(1L << 53, 22))
        .isEqualTo(Double.parseDouble("9007199254740992e-22"));
    assertThat(Decimals.toDouble((1L << 53) + 1, 1))
        .isEqualTo(Double.parseDouble("900719925474099.3"));
  }
}
