package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-rolled JSON writer and reader, the feed document and the hot-pool file. */
class JsonTest {
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void writerEscapesAndSeparates() {
    String json =
        new JsonWriter()
            .beginObject()
            .name("s")
            .value("a\"b\\c\n\u0001")
            .name("n")
            .value(2.5)
            .name("i")
            .value(3.0)
            .name("nan")
            .value(Double.NaN)
            .name("d")
            .value(new BigDecimal("0.00001000"))
            .name("a")
            .beginArray()
            .value(true)
            .nullValue()
            .endArray()
            .endObject()
            .toString();
    assertThat(json)
        .isEqualTo(
            "{\"s\":\"a\\\"b\\\\c\\n\\u0001\",\"n\":2.5,\"i\":3,\"nan\":null,"
                + "\"d\":\"0.00001000\",\"a\":[true,null]}");
    Object parsed = JsonReader.parse(json);
    assertThat(parsed).isInstanceOf(Map.class);
    Map<?, ?> m = obj(parsed);
    assertThat(m.get("s")).isEqualTo("a\"b\\c\n\u0001");
    assertThat(m.get("n")).isEqualTo(new BigDecimal("2.5"));
    assertThat(m.get("nan")).isSameAs(JsonReader.NULL);
    assertThat(arr(m.get("a"))).containsExactly(Boolean.TRUE, JsonReader.NULL);
  }

  @Test
  void readerRejectsMalformedInputWithTheOffset() {
    assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("offset 7");
    assertThatThrownBy(() -> JsonReader.parse("[1] x")).hasMessageContaining("trailing");
  }

  @Test
  void feedDocumentHasEverySection() {
    OrderUpdate u = TestUpdates.update(T0, 0.8, UpdateReason.ENTERED_HOT);
    Map<String, Object> doc = obj(JsonReader.parse(u.toJson()));
    assertThat(doc)
        .containsKeys(
            "id",
            "symbol",
            "side",
            "stage",
            "price",
            "quantity",
            "usdValue",
            "firstSeen",
            "lifetimeSeconds",
            "timeFactors",
            "sizeFactor",
            "weights",
            "categories",
            "weight",
            "category",
            "marketContext",
            "analytics",
            "reasons");
    assertThat(doc.get("price")).isEqualTo("30000");
    assertThat(doc.get("usdValue")).isEqualTo(new BigDecimal("375000"));
    assertThat(doc.get("category")).isEqualTo("DIAMOND");
    assertThat(obj(doc.get("timeFactors")))
        .containsKeys("linear", "exponential", "logarithmic", "volatilityAdaptive");
    assertThat(obj(doc.get("marketContext")))
        .containsKeys(
            "symbolVolatility1h", "marketVolatility1h", "timeOfDayFactor", "weekendFactor");
    Map<String, Object> analytics = obj(doc.get("analytics"));
    assertThat(analytics.get("roundLevel")).isEqualTo(Boolean.TRUE);
    assertThat(analytics.get("outcome")).isSameAs(JsonReader.NULL);
    assertThat(obj(doc.get("categories"))).containsEntry("recommended", "DIAMOND");
  }

  @Test
  void hotPoolFileRoundTripsAndSkipsTamperedEntries(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/hot.json");
    HotPoolStore store = HotPoolStore.jsonFile(file);
    assertThat(store.load()).isEmpty();
    LargeOrder a = order("BTCUSDT", Side.BUY, "30000.5", T0);
    LargeOrder b = order("ETHUSDT", Side.SELL, "0.00001234", T0 + 7);
    store.save(List.of(a, b));
    assertThat(store.load()).containsExactly(a, b);
    Files.writeString(file, Files.readString(file).replace("30000.5", "30000.6"));
    assertThat(store.load()).containsExactly(b);
    Files.writeString(file, "{\"orders\":[{\"id\":1}]}");
    assertThatThrownBy(store::load).hasMessageContaining("id must be a string");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(@Nullable Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) java.util.Objects.requireNonNull(o);
  }

  @SuppressWarnings("unchecked")
  static List<Object> arr(@Nullable Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<Object>) java.util.Objects.requireNonNull(o);
  }

  private static LargeOrder order(String symbol, Side side, String price, long firstSeen) {
    BigDecimal p = new BigDecimal(price);
    return new LargeOrder(
        OrderIds.of(symbol, side, p, firstSeen),
        symbol,
        side,
        p,
        12.5,
        10.0,
        firstSeen,
        firstSeen + 90_000,
        LargeOrder.Stage.HOT);
  }
}
