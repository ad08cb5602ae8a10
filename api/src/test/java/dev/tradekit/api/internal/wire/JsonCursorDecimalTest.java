package dev.tradekit.api.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.book.TickScale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cursor's one-pass decimal reading against the JDK: its double is bit for bit {@link
 * Double#parseDouble}'s, its ticks are {@link BigDecimal}'s half-up quotient by the tick size, and
 * it accepts exactly the plain decimals a strict reading accepts, quoted or bare.
 */
class JsonCursorDecimalTest {
  private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern QUOTED = Pattern.compile("\"-?[0-9]+(\\.[0-9]+)?\"");
  private static final Pattern BARE_JSON = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

  /** Tick sizes from the largest to the smallest a {@link TickScale} takes. */
  private static final List<TickScale> TICKS =
      List.of(
          TickScale.of(new BigDecimal("1E+6")),
          TickScale.of(new BigDecimal("100")),
          TickScale.of(new BigDecimal("25")),
          TickScale.of(BigDecimal.ONE),
          TickScale.of(new BigDecimal("0.5")),
          TickScale.of(new BigDecimal("0.1")),
          TickScale.of(new BigDecimal("0.01")),
          TickScale.of(new BigDecimal("0.0025")),
          TickScale.of(new BigDecimal("0.00000001")),
          TickScale.of(new BigDecimal("0.000000000000000001")),
          TickScale.of(new BigDecimal("123456789012345678")),
          TickScale.of(new BigDecimal("0.123456789012345678")));

  private static final String[] EDGES = {
    "0",
    "-0",
    "0.0",
    "-0.0",
    "0.000000000000000000000000000000",
    "1",
    "-1",
    "0.1",
    "0.3",
    "0.5",
    "2.5",
    "-2.5",
    "57123.40",
    "57123.45",
    "57123.44999999999999999999",
    "0.00001234",
    "0.000012340000000000000000",
    "0.0000000000000000000000001",
    "0.00000000000000000000001",
    "0.0000000000000000000001",
    "9007199254740991",
    "9007199254740992",
    "9007199254740993",
    "9007199254740993.5",
    "900719925474099.35",
    "99999999999999999",
    "999999999999999999",
    "1000000000000000000",
    "9223372036854775807",
    "9223372036854775808",
    "123456789012345678901234567890",
    "0.12345678901234567",
    "0.123456789012345678",
    "0.1234567890123456789",
    "1.7976931348623157",
    "4.9",
    "100000000000000000000000",
    "1000000000000000000000000.5",
    "0.30000000000000000444089209850062616169452667236328125",
    "2.2250738585072011",
    "1.00000000000000011102230246251565404236316680908203125",
    "1.000000000000000111022302462515654042363166809082031250001",
  };

  /** Reads {@code text} with the cursor, as the only value and inside an array (both forms). */
  private static List<JsonCursor> read(String text) {
    List<JsonCursor> read = new ArrayList<>();
    for (String json : new String[] {'"' + text + '"', "[\"" + text + "\"]", "[" + text + "]"}) {
      if (json.startsWith("[") && !json.startsWith("[\"") && !BARE_JSON.matcher(text).matches()) {
        continue; // a bare number must also be JSON (no leading zeros): checked apart
      }
      JsonCursor c = new JsonCursor().reset(json, 0);
      if (json.startsWith("[")) {
        c.enterArray();
        assertThat(c.nextElement()).isTrue();
      }
      c.readDecimal();
      assertThat(json.substring(c.valueStart(), c.valueEnd())).isEqualTo(text);
      if (json.startsWith("[")) {
        assertThat(c.nextElement()).as(json).isFalse();
        c.expectEnd();
      }
      read.add(c);
    }
    return read;
  }

  private static void assertExact(String text) {
    BigDecimal exact = new BigDecimal(text);
    long bits = Double.doubleToRawLongBits(Double.parseDouble(text));
    long[] ticks = new long[TICKS.size()];
    boolean[] tooLarge = new boolean[TICKS.size()];
    for (int t = 0; t < ticks.length; t++) {
      BigDecimal quotient = exact.divide(TICKS.get(t).tickSize(), 0, RoundingMode.HALF_UP);
      tooLarge[t] = quotient.toBigInteger().bitLength() > 63;
      ticks[t] = quotient.longValue();
    }
    for (JsonCursor c : read(text)) {
      if (Double.doubleToRawLongBits(c.decimalValue()) != bits) {
        assertThat(c.decimalValue()).as(text).isEqualTo(Double.parseDouble(text));
      }
      if (c.decimalPositive() != exact.signum() > 0) {
        assertThat(c.decimalPositive()).as(text).isEqualTo(exact.signum() > 0);
      }
      for (int t = 0; t < ticks.length; t++) {
        TickScale tick = TICKS.get(t);
        if (tooLarge[t]) {
          assertThatThrownBy(() -> c.decimalTicks(tick))
              .as("%s in %s", text, tick)
              .isInstanceOf(IllegalArgumentException.class);
        } else if (c.decimalTicks(tick) != ticks[t]) {
          assertThat(c.decimalTicks(tick)).as("%s in %s", text, tick).isEqualTo(ticks[t]);
        }
      }
    }
  }

  /** Random digits with a random point, biased to zero runs, up to {@code maxDigits} long. */
  private static String randomDecimal(Random random, int maxDigits) {
    StringBuilder sb = new StringBuilder();
    if (random.nextInt(4) == 0) {
      sb.append('-');
    }
    int digits = 1 + random.nextInt(maxDigits);
    int point = random.nextInt(digits + 1);
    for (int i = 0; i < digits; i++) {
      if (i == point && i > 0) {
        sb.append('.');
      }
      sb.append(random.nextInt(3) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
    }
    return sb.toString();
  }

  @Test
  void edgeCaseDecimalsReadBitExactAsTheJdkReadsThem() {
    for (String edge : EDGES) {
      assertExact(edge);
      if (!edge.startsWith("-")) {
        assertExact("-" + edge);
      }
    }
  }

  @Test
  void randomDecimalsUpToTwentyFiveDigitsReadBitExactAsTheJdkReadsThem() {
    Random random = new Random(17);
    for (int n = 0; n < 20_000; n++) {
      assertExact(randomDecimal(random, 25));
    }
  }

  @Test
  void randomDoublesPrintedToSeventeenDigitsAndBeyondReadBitExact() {
    Random random = new Random(18);
    for (int n = 0; n < 10_000; n++) {
      double d = Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
      double scaled = d * Math.pow(10, -Math.getExponent(d) * 0.30103 + random.nextInt(20) - 10);
      if (!Double.isFinite(scaled) || scaled == 0) {
        continue;
      }
      String text = new BigDecimal(scaled).toPlainString(); // the exact binary value: many digits
      if (text.length() > 60) {
        text = text.substring(0, 60);
        if (text.endsWith(".")) {
          text = text.substring(0, 59);
        }
      }
      assertExact(text);
      assertExact(BigDecimal.valueOf(scaled).toPlainString()); // the shortest: up to 17 digits
    }
  }

  @Test
  void exchangeShapedPricesAndQuantitiesReadBitExact() {
    Random random = new Random(19);
    for (int n = 0; n < 20_000; n++) {
      long units = random.nextInt(10) == 0 ? 0 : random.nextLong() & ((1L << 40) - 1);
      int scale = random.nextInt(10);
      String text = BigDecimal.valueOf(units, scale).toPlainString();
      if (random.nextBoolean()) {
        text = text + (text.contains(".") ? "" : ".") + "0".repeat(1 + random.nextInt(20));
      }
      assertExact(text);
    }
  }

  @Test
  void acceptsExactlyThePlainDecimalsAStrictReadingAccepts() {
    Random random = new Random(20);
    String alphabet = "0123456789.-+eE x\"\\,]";
    int accepted = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1 + random.nextInt(8); i > 0; i--) {
        sb.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 11 : alphabet.length())));
      }
      String text = sb.toString();
      boolean quotedOk = PLAIN.matcher(text).matches();
      assertThat(readsQuoted(text)).as("\"%s\"", text).isEqualTo(quotedOk);
      assertThat(readsBare(text))
          .as("[%s]", text)
          .isEqualTo(
              BARE_JSON.matcher(text.strip()).matches() // JSON allows blanks around a value
                  || QUOTED.matcher(text.strip()).matches()); // the text itself was a string
      if (quotedOk) {
        accepted++;
        assertExact(text);
      }
    }
    assertThat(accepted).as("valid decimals among the random texts").isGreaterThan(5_000);
  }

  private static boolean readsQuoted(String text) {
    try {
      JsonCursor c = new JsonCursor().reset("[\"" + text + "\"]", 0);
      c.enterArray();
      if (!c.nextElement()) {
        return false; // an empty array: no decimal
      }
      c.readDecimal();
      boolean more = c.nextElement(); // false: the string ended where the decimal did
      c.expectEnd();
      return !more;
    } catch (MalformedFrameException e) {
      return false;
    }
  }

  private static boolean readsBare(String text) {
    try {
      JsonCursor c = new JsonCursor().reset("[" + text + "]", 0);
      c.enterArray();
      if (!c.nextElement()) {
        return false; // an empty array: no decimal
      }
      c.readDecimal();
      boolean more = c.nextElement(); // false: the number ended at the bracket
      c.expectEnd();
      return !more;
    } catch (MalformedFrameException e) {
      return false;
    }
  }

  @Test
  void aTruncatedQuotedDecimalIsATypedError() {
    for (String json : new String[] {"\"1.5", "\"", "\"-", "\"1.", "[1.", "[-"}) {
      JsonCursor c = new JsonCursor().reset(json, 0);
      if (json.startsWith("[")) {
        c.enterArray();
        c.nextElement();
      }
      assertThatThrownBy(c::readDecimal)
          .as(json)
          .isInstanceOf(MalformedFrameException.class)
          .hasMessageContaining("expected a plain decimal");
    }
  }
}
