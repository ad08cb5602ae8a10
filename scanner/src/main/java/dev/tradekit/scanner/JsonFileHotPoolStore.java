package dev.tradekit.scanner;

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

/**
 * {@link HotPoolStore#jsonFile(Path)}: {@code {"version":1,"orders":[{...}, ...]}} with one object
 * per order (id, symbol, side, price as a string, quantities, times, stage).
 */
final class JsonFileHotPoolStore implements HotPoolStore {
  private static final int VERSION = 1;

  private final Path file;

  JsonFileHotPoolStore(Path file) {
    this.file = file;
  }

  @Override
  public void save(List<LargeOrder> orders) {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("version").value(VERSION);
    w.name("orders").beginArray();
    for (LargeOrder o : orders) {
      w.beginObject();
      w.name("id").value(o.id());
      w.name("symbol").value(o.symbol());
      w.name("side").value(o.side().name());
      w.name("price").value(o.price());
      w.name("initialQuantity").value(o.initialQuantity());
      w.name("quantity").value(o.quantity());
      w.name("firstSeen").value(o.firstSeen());
      w.name("lastSeen").value(o.lastSeen());
      w.name("stage").value(o.stage().name());
      w.endObject();
    }
    w.endArray().endObject();
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
      Files.writeString(tmp, w.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the hot pool to " + abs, e);
    }
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
    Object root = JsonReader.parse(text);
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
              number(o, "initialQuantity").doubleValue(),
              number(o, "quantity").doubleValue(),
              number(o, "firstSeen").longValueExact(),
              number(o, "lastSeen").longValueExact(),
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

  private BigDecimal number(Map<?, ?> o, String key) {
    if (o.get(key) instanceof BigDecimal d) {
      return d;
    }
    throw new IllegalStateException(file + ": order field " + key + " must be a number");
  }

  @Override
  public String toString() {
    return "HotPoolStore.jsonFile(" + file + ")";
  }
}
