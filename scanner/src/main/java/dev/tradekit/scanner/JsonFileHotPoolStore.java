package dev.tradekit.scanner;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.tradekit.api.model.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * {@link HotPoolStore#jsonFile(Path)}: {@code {"version":1,"orders":[{...}, ...]}} with one object
 * per order (id, symbol, side, price as a string, quantities, times, stage), written and read with
 * Moshi. Files the scanner wrote before it moved to Moshi have the same format.
 */
final class JsonFileHotPoolStore implements HotPoolStore {
  private static final int VERSION = 1;

  private final Path file;

  JsonFileHotPoolStore(Path file) {
    this.file = file;
  }

  @Override
  public void save(List<LargeOrder> orders) {
    String json =
        ScannerJson.write(
            w -> {
              w.beginObject();
              w.name("version").value(VERSION);
              w.name("orders").beginArray();
              for (LargeOrder o : orders) {
                write(w, o);
              }
              w.endArray().endObject();
            });
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the hot pool to " + abs, e);
    }
  }

  private static void write(JsonWriter w, LargeOrder o) throws IOException {
    w.beginObject();
    w.name("id").value(o.id());
    w.name("symbol").value(o.symbol());
    w.name("side").value(o.side().name());
    ScannerJson.decimal(w.name("price"), o.price());
    ScannerJson.number(w.name("initialQuantity"), o.initialQuantity());
    ScannerJson.number(w.name("quantity"), o.quantity());
    w.name("firstSeen").value(o.firstSeen());
    w.name("lastSeen").value(o.lastSeen());
    w.name("stage").value(o.stage().name());
    w.endObject();
  }

  @Override
  public List<LargeOrder> load() {
    if (!Files.exists(file)) {
      return List.of();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the hot pool from " + file, e);
    }
    Object root;
    try {
      JsonReader r = JsonReader.of(new Buffer().writeUtf8(text));
      root = r.readJsonValue();
      if (r.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("trailing characters after " + r.getPath());
      }
    } catch (IOException | JsonDataException e) {
      // Moshi names the place, e.g. "Expected name at path $.orders[0]"
      throw new IllegalStateException(file + ": malformed JSON: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> map) || !(map.get("orders") instanceof List<?> list)) {
      throw new IllegalStateException(file + ": expected {\"orders\":[...]}");
    }
    List<LargeOrder> out = new ArrayList<>(list.size());
    for (Object entry : list) {
      if (!(entry instanceof Map<?, ?> o)) {
        throw new IllegalStateException(file + ": an order is not an object");
      }
      LargeOrder order =
          new LargeOrder(
              text(o, "id"),
              text(o, "symbol"),
              Side.valueOf(text(o, "side")),
              new BigDecimal(text(o, "price")),
              number(o, "initialQuantity"),
              number(o, "quantity"),
              millis(o, "firstSeen"),
              millis(o, "lastSeen"),
              LargeOrder.Stage.valueOf(text(o, "stage")));
      String expected = OrderIds.of(order.symbol(), order.side(), order.price(), order.firstSeen());
      if (expected.equals(order.id())) {
        out.add(order);
      }
    }
    return out;
  }

  private String text(Map<?, ?> o, String key) {
    if (o.get(key) instanceof String s) {
      return s;
    }
    throw new IllegalStateException(file + ": order field " + key + " must be a string");
  }

  /** Moshi reads every JSON number as a {@code double}. */
  private double number(Map<?, ?> o, String key) {
    if (o.get(key) instanceof Double d) {
      return d;
    }
    throw new IllegalStateException(file + ": order field " + key + " must be a number");
  }

  /** Epoch millis: whole and below 2^53, so a {@code double} holds them exactly. */
  private long millis(Map<?, ?> o, String key) {
    double d = number(o, key);
    long l = (long) d;
    if (l != d) {
      throw new IllegalStateException(file + ": order field " + key + " must be whole millis");
    }
    return l;
  }

  @Override
  public String toString() {
    return "HotPoolStore.jsonFile(" + file + ")";
  }
}
