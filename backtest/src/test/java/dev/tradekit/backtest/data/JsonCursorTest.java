package dev.tradekit.backtest.data;

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
    assertThatThrownBy(c::skipValue).hasMessageContaining("unterminated");
  }

  @Test
  void convertsFractionalUnixSecondsToNanos() {
    assertThat(CryptofeedRecordingReader.secondsToNanos("1626992741.06217", 0, 16))
        .isEqualTo(1_626_992_741_062_170_000L);
    assertThat(CryptofeedRecordingReader.secondsToNanos("1626992741", 0, 10))
        .isEqualTo(1_626_992_741_000_000_000L);
    assertThat(CryptofeedRecordingReader.secondsToNanos("x1.0000000019", 1, 13))
        .isEqualTo(1_000_000_001L);
  }
}
