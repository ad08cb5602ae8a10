package dev.tradekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake exchange's wire JSON on Moshi: what the venues' clients read, byte for byte. */
class JsonTest {

  @Test
  void writesCompactObjectsWithNullsEscapesAndPlainDecimalStrings() {
    String json =
        new Json()
            .obj()
            .str("s", "a\"b\\c\n\u0001")
            .str("none", null)
            .num("n", -42)
            .bool("ok", true)
            .key("l")
            .arr()
            .str("0.00001000")
            .num(1_700_000_000_000L)
            .endArr()
            .key("o")
            .obj()
            .end()
            .end()
            .toString();
    assertThat(json)
        .isEqualTo(
            "{\"s\":\"a\\\"b\\\\c\\n\\u0001\",\"none\":null,\"n\":-42,\"ok\":true,"
                + "\"l\":[\"0.00001000\",1700000000000],\"o\":{}}");
  }

  @Test
  void aTopLevelStringIsQuoted() {
    assertThat(new Json().str("say \"hi\"").toString()).isEqualTo("\"say \\\"hi\\\"\"");
  }

  @Test
  void echoWritesIntegerTextAsANumberAndOtherTextAsAString() {
    String json =
        new Json()
            .arr()
            .echo("7")
            .echo("-12345678901")
            .echo("abc")
            .echo("1.5")
            .echo("x\"y")
            .echo(null)
            .echo(Boolean.FALSE)
            .endArr()
            .toString();
    assertThat(json).isEqualTo("[7,-12345678901,\"abc\",\"1.5\",\"x\\\"y\",null,false]");
  }

  @Test
  void parsesNumbersAsTheirTextSoIdsAndDecimalsKeepEveryDigit() {
    Object parsed =
        Json.parse(
            "{\"id\":1234567890123456789,\"p\":0.00001234,\"s\":\"t\\u0041\",\"b\":true,"
                + "\"n\":null,\"l\":[1e3,\"2\"]}");
    assertThat(parsed).isInstanceOf(Map.class);
    Map<?, ?> m = (Map<?, ?>) java.util.Objects.requireNonNull(parsed);
    assertThat(m.get("id")).isEqualTo("1234567890123456789");
    assertThat(m.get("p")).isEqualTo("0.00001234");
    assertThat(m.get("s")).isEqualTo("tA");
    assertThat(m.get("b")).isEqualTo(Boolean.TRUE);
    assertThat(m.containsKey("n")).isTrue();
    assertThat(m.get("n")).isNull();
    assertThat((List<?>) m.get("l")).isEqualTo(Arrays.asList("1e3", "2"));
  }

  @Test
  void malformedInputIsAnIllegalArgument() {
    assertThatThrownBy(() -> Json.parse("{\"a\":1,}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("[1] x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("not json")).isInstanceOf(IllegalArgumentException.class);
  }
}
