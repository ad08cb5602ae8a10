package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.tradekit.api.model.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner's JSON on Moshi: number and decimal formats, the feed document, the hot-pool file.
 */
class JsonTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class);

  @Test
  void writesDecimalsAsPlainStringsWholeDoublesWithoutFractionAndNonFiniteAsNull() {
    String json =
        ScannerJson.write(
            w -> {
              w.beginObject();
              w.name("s").value("a\"b\\c\n\u0001");
              ScannerJson.number(w.name("n"), 2.5);
              ScannerJson.number(w.name("i"), 3.0);
              ScannerJson.number(w.name("tiny"), 0.00001);
              ScannerJson.number(w.name("nan"), Double.NaN);
              ScannerJson.number(w.name("inf"), Double.NEGATIVE_INFINITY);
              ScannerJson.decimal(w.name("d"), new BigDecimal("0.00001000"));
              w.name("a").beginArray().value(true).value((String) null).endArray();
              w.endObject();
            });
    assertThat(json)
        .isEqualTo(
            "{\"s\":\"a\\\"b\\\\c\\n\\u0001\",\"n\":2.5,\"i\":3,\"tiny\":1.0E-5,\"nan\":null,"
                + "\"inf\":null,\"d\":\"0.00001000\",\"a\":[true,null]}");
    Map<String, Object> m = obj(parse(json));
    assertThat(m.get("s")).isEqualTo("a\"b\\c\n\u0001");
    assertThat(m.get("n")).isEqualTo(2.5);
    assertThat(m).containsEntry("nan", null);
    assertThat(arr(m.get("a"))).containsExactly(Boolean.TRUE, null);
  }

  @Test
  void feedDocumentIsTheOneTheHandWrittenWriterProduced() {
    OrderUpdate u = TestUpdates.update(T0, 0.8, UpdateReason.ENTERED_HOT);
    // captured from the scanner's hand-written JsonWriter before the move to Moshi: subscribers
    // that compare text (or parse numbers strictly) see no change
    assertThat(u.toJson())
        .isEqualTo(
            "{\"time\":1700000000000,\"reasons\":[\"ENTERED_HOT\"],\"id\":\"1871e18d0e42ffcd\","
                + "\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"stage\":\"CANDIDATE\",\"price\":\"30000\","
                + "\"quantity\":12.5,\"initialQuantity\":12.5,\"usdValue\":375000,"
                + "\"firstSeen\":1700000000000,\"lastSeen\":1700000000000,\"lifetimeSeconds\":0,"
                + "\"timeFactors\":{\"minutes\":1,\"linear\":0.016666666666666666,"
                + "\"exponential\":0.0327838995179941,\"logarithmic\":0.1445324131589439,"
                + "\"volatilityAdaptive\":0.0327838995179941},\"sizeFactor\":0.5,"
                + "\"algorithm\":\"recommended\",\"weight\":0.8,\"category\":\"DIAMOND\","
                + "\"weights\":{\"recommended\":0.8},\"categories\":{\"recommended\":\"DIAMOND\"},"
                + "\"marketContext\":{\"symbolVolatility1h\":0.5,\"marketVolatility1h\":0.4,"
                + "\"timeOfDayFactor\":1,\"weekendFactor\":1,\"contextFactor\":0.8},"
                + "\"analytics\":{\"nearestRoundLevel\":\"30000\",\"distanceToRoundPercent\":0,"
                + "\"roundLevel\":true,\"distanceFromMidPercent\":0.03332222592469177,"
                + "\"outcome\":null}}");
  }

  @Test
  void feedDocumentHasEverySection() {
    OrderUpdate u = TestUpdates.update(T0, 0.8, UpdateReason.ENTERED_HOT);
    Map<String, Object> doc = obj(parse(u.toJson()));
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
    assertThat(doc.get("usdValue")).isEqualTo(375000.0);
    assertThat(doc.get("category")).isEqualTo("DIAMOND");
    assertThat(obj(doc.get("timeFactors")))
        .containsKeys("linear", "exponential", "logarithmic", "volatilityAdaptive");
    assertThat(obj(doc.get("marketContext")))
        .containsKeys(
            "symbolVolatility1h", "marketVolatility1h", "timeOfDayFactor", "weekendFactor");
    Map<String, Object> analytics = obj(doc.get("analytics"));
    assertThat(analytics.get("roundLevel")).isEqualTo(Boolean.TRUE);
    assertThat(analytics).containsEntry("outcome", null);
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

  @Test
  void hotPoolFileWrittenBeforeTheMoveToMoshiStillLoads(@TempDir Path dir) throws Exception {
    // the exact text the hand-written writer produced: whole doubles without a fraction, a tiny
    // quantity in Double.toString's exponent form, the price as a plain string
    String idA = OrderIds.of("BTCUSDT", Side.BUY, new BigDecimal("30000.5"), T0);
    String idB = OrderIds.of("ETHUSDT", Side.SELL, new BigDecimal("0.00001234"), T0 + 7);
    Path file = dir.resolve("hot.json");
    Files.writeString(
        file,
        "{\"version\":1,\"orders\":[{\"id\":\""
            + idA
            + "\",\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"price\":\"30000.5\","
            + "\"initialQuantity\":12.5,\"quantity\":10,\"firstSeen\":1700000000000,"
            + "\"lastSeen\":1700000090000,\"stage\":\"HOT\"},{\"id\":\""
            + idB
            + "\",\"symbol\":\"ETHUSDT\",\"side\":\"SELL\",\"price\":\"0.00001234\","
            + "\"initialQuantity\":1.0E-5,\"quantity\":1.0E-5,\"firstSeen\":1700000000007,"
            + "\"lastSeen\":1700000090007,\"stage\":\"CANDIDATE\"}]}");
    assertThat(HotPoolStore.jsonFile(file).load())
        .containsExactly(
            new LargeOrder(
                idA,
                "BTCUSDT",
                Side.BUY,
                new BigDecimal("30000.5"),
                12.5,
                10.0,
                T0,
                T0 + 90_000,
                LargeOrder.Stage.HOT),
            new LargeOrder(
                idB,
                "ETHUSDT",
                Side.SELL,
                new BigDecimal("0.00001234"),
                0.00001,
                0.00001,
                T0 + 7,
                T0 + 90_007,
                LargeOrder.Stage.CANDIDATE));
  }

  @Test
  void malformedHotPoolFileIsAnIllegalStateNamingTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("hot.json");
    HotPoolStore store = HotPoolStore.jsonFile(file);
    Files.writeString(file, "{\"orders\":[{\"id\":\"x\",}]}");
    assertThatThrownBy(store::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("malformed JSON");
    Files.writeString(file, "{\"orders\":[]} x");
    assertThatThrownBy(store::load).isInstanceOf(IllegalStateException.class);
    Files.writeString(file, "[]");
    assertThatThrownBy(store::load).hasMessageContaining("expected {\"orders\":[...]}");
    Files.writeString(file, "{\"orders\":[{\"id\":\"x\",\"firstSeen\":1.5}]}");
    assertThatThrownBy(store::load).isInstanceOf(IllegalStateException.class);
  }

  /** Parses a document as a feed client would: Moshi, numbers as doubles, null as null. */
  static @Nullable Object parse(String json) {
    try {
      return ANY.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
