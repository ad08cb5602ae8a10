package dev.tradekit.api.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonCursorTest {

  @Test
  void skipsNestedUnknownValuesAndReadsKnownOnes() {
    String json =
        "{ \"x\": {\"y\": [1, \"a]}\\\"\", {\"z\": null}]}, \"n\": -42, \"q\":\"17\","
            + " \"ok\": true, \"s\": \"hi\" }";
    JsonCursor c = new JsonCursor().reset(json, 0);
    c.enterObject();
    long n = 0;
    long q = 0;
    boolean ok = false;
    String s = "";
    while (c.nextField()) {
      if (c.nameIs("n")) {
        n = c.readLong();
      } else if (c.nameIs("q")) {
        q = c.readLong();
      } else if (c.nameIs("ok")) {
        ok = c.readBoolean();
      } else if (c.nameIs("s")) {
        c.readScalar();
        s = json.substring(c.valueStart(), c.valueEnd());
      } else {
        c.skipValue();
      }
    }
    assertThat(n).isEqualTo(-42);
    assertThat(q).isEqualTo(17);
    assertThat(ok).isTrue();
    assertThat(s).isEqualTo("hi");
  }

  @Test
  void reportsWhereInputIsTruncated() {
    JsonCursor c = new JsonCursor().reset("{\"a\": [1, 2", 0);
    c.enterObject();
    c.nextField();
    assertThatThrownBy(c::skipValue)
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageContaining("unterminated");
  }

  @Test
  void rejectsMissingAndDoubledCommas() {
    assertThatThrownBy(() -> readAll("{\"a\":1 \"b\":2}"))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageContaining("expected ',' or '}' at column 7");
    assertThatThrownBy(() -> readAll("{\"a\":1,,\"b\":2}"))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageContaining("expected a value after ','");
    assertThatThrownBy(() -> readAll("{\"a\":1,}"))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageContaining("expected a value after ','");
    assertThat(readAll("{ }")).isZero();
    assertThat(readAll("{\"a\":1 , \"b\":2}")).isEqualTo(3);
  }

  @Test
  void readsOnlyPlainDecimalsAsDecimals() {
    for (String ok : new String[] {"\"1\"", "\"0.5\"", "-12.25", "\"61705.10\""}) {
      JsonCursor c = new JsonCursor().reset(ok, 0);
      c.readDecimal();
      assertThat(ok.substring(c.valueStart(), c.valueEnd())).isEqualTo(ok.replace("\"", ""));
    }
    for (String bad : new String[] {"\"1e5\"", "\".5\"", "\"5.\"", "NaN", "\"1 \"", "\"0x1\""}) {
      assertThatThrownBy(() -> new JsonCursor().reset(bad, 0).readDecimal())
          .as(bad)
          .isInstanceOf(MalformedFrameException.class)
          .hasMessageContaining("expected a plain decimal");
    }
  }

  @Test
  void readsOnlyTrueAndFalseAsBooleans() {
    assertThat(new JsonCursor().reset("true", 0).readBoolean()).isTrue();
    assertThat(new JsonCursor().reset("false", 0).readBoolean()).isFalse();
    assertThatThrownBy(() -> new JsonCursor().reset("tru", 0).readBoolean())
        .isInstanceOf(MalformedFrameException.class);
    assertThatThrownBy(() -> new JsonCursor().reset("12x", 0).readLong())
        .isInstanceOf(MalformedFrameException.class)
        .hasMessageContaining("expected an integer");
  }

  private static long readAll(String json) {
    JsonCursor c = new JsonCursor().reset(json, 0);
    c.enterObject();
    long sum = 0;
    while (c.nextField()) {
      sum += c.readLong();
    }
    return sum;
  }
}
