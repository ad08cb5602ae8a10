package dev.tradekit.api.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the recorded Binance USD-M files under {@code tradekit.refdata} (never copied into the
 * repository); tests calling it are skipped when the folder is absent.
 */
final class RefData {
  private static final String CRYPTOFEED = "binance-usdm/cryptofeed-20210722/";

  private static Map<String, Instrument> instruments = Map.of();

  private RefData() {}

  /** Every symbol of the 2021-07-22 exchangeInfo, by symbol, in file order. */
  static synchronized Map<String, Instrument> instruments() {
    if (instruments.isEmpty()) {
      Map<String, Object> info =
          MiniJson.object(body(lines(CRYPTOFEED + "BINANCE_FUTURES.0").get(0)));
      Map<String, Instrument> bySymbol = new LinkedHashMap<>();
      for (Object s : MiniJson.array(field(info, "symbols"))) {
        Instrument instrument = instrument(MiniJson.object(s));
        bySymbol.put(instrument.symbol(), instrument);
      }
      instruments = bySymbol;
    }
    return instruments;
  }

  /** The four recorded {@code /fapi/v1/depth?limit=1000} replies. */
  static List<OrderBookSnapshot> depthSnapshots() {
    List<OrderBookSnapshot> out = new ArrayList<>();
    for (String line : lines(CRYPTOFEED + "BINANCE_FUTURES.http.0.0")) {
      if (line.isBlank()) {
        continue;
      }
      String url = line.substring(0, line.indexOf(" -> "));
      String symbol = url.replaceAll(".*symbol=([A-Z0-9]+).*", "$1");
      Map<String, Object> book = MiniJson.object(body(line));
      out.add(
          new OrderBookSnapshot(
              symbol,
              number(book, "lastUpdateId").longValueExact(),
              number(book, "E").longValueExact(),
              levels(field(book, "bids")),
              levels(field(book, "asks"))));
    }
    return out;
  }

  private static List<PriceLevel> levels(Object side) {
    List<PriceLevel> out = new ArrayList<>();
    for (Object level : MiniJson.array(side)) {
      List<Object> pair = MiniJson.array(level);
      out.add(
          new PriceLevel(
              new BigDecimal((String) pair.get(0)), new BigDecimal((String) pair.get(1))));
    }
    return out;
  }

  static Instrument instrument(Map<String, Object> s) {
    Map<String, Map<String, Object>> filters = new LinkedHashMap<>();
    for (Object f : MiniJson.array(field(s, "filters"))) {
      Map<String, Object> filter = MiniJson.object(f);
      filters.put(text(filter, "filterType"), filter);
    }
    Map<String, Object> price = filter(filters, "PRICE_FILTER");
    Map<String, Object> lot = filter(filters, "LOT_SIZE");
    Map<String, Object> market = filter(filters, "MARKET_LOT_SIZE");
    Map<String, Object> percent = filter(filters, "PERCENT_PRICE");
    return Instrument.builder()
        .symbol(text(s, "symbol"))
        .baseAsset(text(s, "baseAsset"))
        .quoteAsset(text(s, "quoteAsset"))
        .marginAsset(text(s, "marginAsset"))
        .trading("TRADING".equals(s.get("status")))
        .tickSize(decimal(price, "tickSize"))
        .minPrice(decimal(price, "minPrice"))
        .maxPrice(decimal(price, "maxPrice"))
        .stepSize(decimal(lot, "stepSize"))
        .minQty(decimal(lot, "minQty"))
        .maxQty(decimal(lot, "maxQty"))
        .marketStepSize(decimal(market, "stepSize"))
        .marketMinQty(decimal(market, "minQty"))
        .marketMaxQty(decimal(market, "maxQty"))
        .minNotional(decimal(filter(filters, "MIN_NOTIONAL"), "notional"))
        .percentPriceUp(decimal(percent, "multiplierUp"))
        .percentPriceDown(decimal(percent, "multiplierDown"))
        .maxNumOrders(number(filter(filters, "MAX_NUM_ORDERS"), "limit").intValueExact())
        .pricePrecision(number(s, "pricePrecision").intValueExact())
        .quantityPrecision(number(s, "quantityPrecision").intValueExact())
        .build();
  }

  private static Map<String, Object> filter(Map<String, Map<String, Object>> filters, String type) {
    return Objects.requireNonNull(filters.get(type), "filter " + type);
  }

  private static Object field(Map<String, Object> map, String key) {
    return Objects.requireNonNull(map.get(key), key);
  }

  private static String text(Map<String, Object> map, String key) {
    return (String) field(map, key);
  }

  private static BigDecimal decimal(Map<String, Object> map, String key) {
    return new BigDecimal(text(map, key));
  }

  private static BigDecimal number(Map<String, Object> map, String key) {
    return (BigDecimal) field(map, key);
  }

  /** The JSON after {@code "<url> -> <unix ts>: "}. */
  private static Object body(String line) {
    int arrow = line.indexOf(" -> ");
    return MiniJson.parse(line.substring(line.indexOf(": ", arrow) + 2));
  }

  private static List<String> lines(String relative) {
    String root = System.getProperty("tradekit.refdata");
    assumeTrue(root != null, "system property tradekit.refdata is not set; run through Maven");
    Path file = Path.of(root).resolve(relative);
    assumeTrue(Files.isReadable(file), "reference data absent: " + file);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> out = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
        out.add(line);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
