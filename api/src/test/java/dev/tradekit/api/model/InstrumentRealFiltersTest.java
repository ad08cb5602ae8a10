package dev.tradekit.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InvalidOrderException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Instrument} built from Binance USD-M's real exchangeInfo of 2021-07-22 (122 symbols). */
class InstrumentRealFiltersTest {
  private static final RoundingMode[] MODES = {
    RoundingMode.DOWN,
    RoundingMode.UP,
    RoundingMode.FLOOR,
    RoundingMode.CEILING,
    RoundingMode.HALF_UP,
    RoundingMode.HALF_DOWN,
    RoundingMode.HALF_EVEN
  };

  private static Instrument get(String symbol) {
    return Objects.requireNonNull(RefData.instruments().get(symbol), symbol);
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void buildsAnInstrumentForEverySymbolInTheFile() {
    Map<String, Instrument> all = RefData.instruments();
    assertThat(all).hasSize(122);
    assertThat(all.values().stream().filter(i -> !i.trading()).map(Instrument::symbol))
        .containsExactly("BTCSTUSDT");
  }

  @Test
  void btcusdtCarriesTheFiltersOfTheFile() {
    Instrument btc = get("BTCUSDT");
    assertThat(btc.baseAsset()).isEqualTo("BTC");
    assertThat(btc.quoteAsset()).isEqualTo("USDT");
    assertThat(btc.marginAsset()).isEqualTo("USDT");
    assertThat(btc.tickSize()).isEqualByComparingTo("0.01");
    assertThat(btc.minPrice()).isEqualByComparingTo("556.72");
    assertThat(btc.maxPrice()).isEqualByComparingTo("1000000");
    assertThat(btc.stepSize()).isEqualByComparingTo("0.001");
    assertThat(btc.minQty()).isEqualByComparingTo("0.001");
    assertThat(btc.maxQty()).isEqualByComparingTo("1000");
    assertThat(btc.marketMaxQty()).isEqualByComparingTo("1000");
    assertThat(btc.minNotional()).isEqualByComparingTo("5");
    assertThat(btc.percentPriceUp()).isEqualByComparingTo("1.15");
    assertThat(btc.percentPriceDown()).isEqualByComparingTo("0.85");
    assertThat(btc.maxNumOrders()).isEqualTo(200);
    assertThat(btc.pricePrecision()).isEqualTo(2);
    assertThat(btc.quantityPrecision()).isEqualTo(3);
  }

  @Test
  void roundsBtcusdtPriceOntoItsCentTick() {
    Instrument btc = get("BTCUSDT");
    assertThat(btc.roundPrice(d("32123.456"), RoundingMode.DOWN)).hasToString("32123.45");
    assertThat(btc.roundPrice(d("32123.456"), RoundingMode.UP)).hasToString("32123.46");
    assertThat(btc.roundPrice(d("32123.455"), RoundingMode.HALF_EVEN)).hasToString("32123.46");
    assertThat(btc.roundPrice(d("32123.40"), RoundingMode.DOWN)).hasToString("32123.4");
    assertThat(btc.formatPrice(btc.roundPrice(d("32000.001"), RoundingMode.DOWN)))
        .isEqualTo("32000");
  }

  @Test
  void roundsPriceOntoATenthTick() {
    Instrument btcBusd = get("BTCBUSD");
    assertThat(btcBusd.tickSize()).isEqualByComparingTo("0.1");
    assertThat(btcBusd.roundPrice(d("32123.456"), RoundingMode.DOWN)).hasToString("32123.4");
    assertThat(btcBusd.roundPrice(d("32123.456"), RoundingMode.UP)).hasToString("32123.5");
  }

  @Test
  void roundsPriceOntoAWholeTickWithoutExponent() {
    Instrument yfi = get("YFIUSDT");
    assertThat(yfi.tickSize()).isEqualByComparingTo("1");
    BigDecimal px = yfi.roundPrice(d("34567.8"), RoundingMode.DOWN);
    assertThat(px).hasToString("34567");
    assertThat(px.scale()).isZero();
    assertThat(yfi.roundPrice(d("3.4E+4"), RoundingMode.DOWN)).hasToString("34000");
  }

  @Test
  @SuppressWarnings("BigDecimalLiteralDouble") // deliberate: float artefacts are the input
  void roundsBtcusdtQuantityDownToItsStep() {
    Instrument btc = get("BTCUSDT");
    BigDecimal qty = btc.roundQuantity(d("0.0157"), OrderType.LIMIT);
    assertThat(qty).isEqualByComparingTo("0.015");
    assertThat(btc.formatQuantity(qty)).isEqualTo("0.015");
    assertThat(btc.formatQuantity(d("0.0150"))).isEqualTo("0.015");
    // float artefacts: new BigDecimal(0.0157) is 0.015699999999999998..., 0.1 + 0.2 is
    // 0.30000000000000004
    assertThat(btc.formatQuantity(btc.roundQuantity(new BigDecimal(0.0157), OrderType.LIMIT)))
        .isEqualTo("0.015");
    assertThat(
            btc.formatQuantity(btc.roundQuantity(BigDecimal.valueOf(0.1 + 0.2), OrderType.LIMIT)))
        .isEqualTo("0.3");
  }

  @Test
  void integerStepSymbolsFormatWholeNumbersWithoutExponent() {
    for (String symbol : List.of("AKROUSDT", "1000SHIBUSDT")) {
      Instrument in = get(symbol);
      assertThat(in.stepSize()).as(symbol).isEqualByComparingTo("1");
      BigDecimal qty = in.roundQuantity(d("100.7"), OrderType.LIMIT);
      assertThat(in.formatQuantity(qty)).as(symbol).isEqualTo("100");
      assertThat(in.formatQuantity(in.roundQuantity(d("1E+2"), OrderType.MARKET))).isEqualTo("100");
      assertThat(in.formatQuantity(d("1E+2"))).isEqualTo("100");
      assertThat(in.formatQuantity(d("100.000"))).isEqualTo("100");
    }
  }

  @Test
  void everyMinPriceIsAWholeNumberOfTicks() {
    for (Instrument in : RefData.instruments().values()) {
      assertThat(in.minPrice().remainder(in.tickSize()).signum()).as(in.symbol()).isZero();
    }
  }

  @Test
  @SuppressWarnings("BigDecimalEquals") // deliberate: the tick round trip must keep the scale too
  void everySymbolRoundsRandomPricesOntoItsGrid() {
    Random random = new Random(20210722L);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Instrument in : RefData.instruments().values()) {
      double lo = Math.log10(in.minPrice().doubleValue());
      double hi = Math.log10(in.maxPrice().doubleValue());
      for (int i = 0; i < 100; i++) {
        BigDecimal price = randomPositive(random, lo, hi);
        for (RoundingMode mode : MODES) {
          BigDecimal rounded = in.roundPrice(price, mode);
          String wire = in.formatPrice(rounded);
          int direction = rounded.compareTo(price);
          boolean ok =
              rounded.subtract(in.minPrice()).remainder(in.tickSize()).signum() == 0
                  && rounded.subtract(price).abs().compareTo(in.tickSize()) < 0
                  && !((mode == RoundingMode.DOWN || mode == RoundingMode.FLOOR) && direction > 0)
                  && !((mode == RoundingMode.UP || mode == RoundingMode.CEILING) && direction < 0)
                  && rounded.scale() >= 0
                  && wire.indexOf('E') < 0
                  && wire.equals(rounded.toString())
                  && in.fromTicks(in.toTicks(rounded)).equals(rounded);
          if (!ok) {
            failures.add(in.symbol() + " " + price.toPlainString() + " " + mode + " -> " + wire);
          }
          checked++;
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isEqualTo(122 * 100 * MODES.length);
  }

  /** A positive price between 10^lo and 10^hi, with a random scale or a raw double expansion. */
  private static BigDecimal randomPositive(Random random, double lo, double hi) {
    double value = Math.pow(10, lo + random.nextDouble() * (hi - lo));
    return switch (random.nextInt(3)) {
      // full binary expansion, e.g. 0.1 -> 0.1000000000000000055...
      case 0 -> new BigDecimal(value);
      // shortest repr, may be 1.0E-5 style
      case 1 -> BigDecimal.valueOf(value);
      default -> {
        BigDecimal scaled = new BigDecimal(value).setScale(random.nextInt(9), RoundingMode.HALF_UP);
        yield scaled.signum() > 0 ? scaled : BigDecimal.valueOf(value);
      }
    };
  }

  @Test
  void everySymbolRoundsRandomQuantitiesDownOntoItsStep() {
    Random random = new Random(7L);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Instrument in : RefData.instruments().values()) {
      for (OrderType type : List.of(OrderType.LIMIT, OrderType.MARKET)) {
        BigDecimal step = type == OrderType.MARKET ? in.marketStepSize() : in.stepSize();
        double lo = Math.log10(in.minQtyFor(type).doubleValue());
        double hi = Math.log10(in.maxQtyFor(type).doubleValue());
        for (int i = 0; i < 200; i++) {
          BigDecimal qty = randomPositive(random, lo, hi);
          BigDecimal rounded = in.roundQuantity(qty, type);
          String wire = in.formatQuantity(rounded);
          boolean ok =
              rounded.compareTo(qty) <= 0
                  && qty.subtract(rounded).compareTo(step) < 0
                  && rounded.remainder(step).signum() == 0
                  && wire.indexOf('E') < 0;
          if (!ok) {
            failures.add(in.symbol() + " " + type + " " + qty.toPlainString() + " -> " + wire);
          }
          checked++;
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isEqualTo(122 * 2 * 200);
  }

  @Test
  @SuppressWarnings("BigDecimalLiteralDouble") // deliberate: float artefacts are the input
  void roundedOrdersInsideTheLimitsPassValidation() {
    Instrument btc = get("BTCUSDT");
    BigDecimal px = btc.roundPrice(new BigDecimal(32123.456), RoundingMode.DOWN);
    BigDecimal qty = btc.roundQuantity(new BigDecimal(0.0157), OrderType.LIMIT);
    assertThat(btc.violations(OrderRequest.limit("BTCUSDT", Side.BUY, qty, px), d("32100")))
        .isEmpty();
  }

  @Test
  void notionalBelowMinimumIsReportedUnlessReduceOnly() {
    Instrument btc = get("BTCUSDT");
    OrderRequest small = OrderRequest.limit("BTCUSDT", Side.BUY, d("0.001"), d("4000"));
    assertThat(btc.violations(small, null))
        .containsExactly(
            "notional 4 (price 4000 x quantity 0.001) is below MIN_NOTIONAL 5; raise the quantity"
                + " to at least 0.002 or send the order reduce-only");
    OrderRequest reduceOnly =
        OrderRequest.builder()
            .symbol("BTCUSDT")
            .side(Side.SELL)
            .quantity(d("0.001"))
            .price(d("4000"))
            .reduceOnly(true)
            .build();
    assertThat(btc.violations(reduceOnly, null)).isEmpty();
  }

  @Test
  void marketNotionalUsesTheMarkPriceAndIsSkippedWithoutIt() {
    Instrument btc = get("BTCUSDT");
    OrderRequest market = OrderRequest.market("BTCUSDT", Side.SELL, d("0.001"));
    assertThat(btc.violations(market, null)).isEmpty();
    assertThat(btc.violations(market, d("32000"))).isEmpty();
    assertThat(btc.violations(market, d("4500")))
        .singleElement()
        .asString()
        .contains("notional 4.5 (mark price 4500 x quantity 0.001) is below MIN_NOTIONAL 5");
  }

  @Test
  void marketOrdersAreCheckedAgainstTheMarketLotSize() {
    Instrument mkr = get("MKRUSDT");
    assertThat(mkr.maxQty()).isEqualByComparingTo("10000");
    assertThat(mkr.marketMaxQty()).isEqualByComparingTo("250");
    assertThat(mkr.violations(OrderRequest.limit("MKRUSDT", Side.BUY, d("300"), d("2500")), null))
        .isEmpty();
    assertThat(mkr.violations(OrderRequest.market("MKRUSDT", Side.BUY, d("300")), d("2500")))
        .containsExactly(
            "quantity 300 is above MARKET_LOT_SIZE maxQty 250; lower it to at most 250 or split"
                + " the order");
  }

  @Test
  void limitPriceOutsideThePercentBandOfTheMarkIsReported() {
    Instrument btc = get("BTCUSDT");
    BigDecimal mark = d("30000");
    assertThat(btc.violations(limit(d("34500")), mark)).isEmpty();
    assertThat(btc.violations(limit(d("25500")), mark)).isEmpty();
    assertThat(btc.violations(limit(d("34500.01")), mark))
        .containsExactly(
            "price 34500.01 is above the PERCENT_PRICE band: at most 34500 (mark price 30000 x"
                + " multiplierUp 1.15); lower the price");
    assertThat(btc.violations(limit(d("25499.99")), mark))
        .containsExactly(
            "price 25499.99 is below the PERCENT_PRICE band: at least 25500 (mark price 30000 x"
                + " multiplierDown 0.85); raise the price");
    assertThat(btc.violations(limit(d("34500.01")), null)).isEmpty();
  }

  private static OrderRequest limit(BigDecimal price) {
    return OrderRequest.limit("BTCUSDT", Side.BUY, d("0.01"), price);
  }

  @Test
  void validateThrowsWithEveryViolation() {
    Instrument btc = get("BTCUSDT");
    OrderRequest bad = OrderRequest.limit("BTCUSDT", Side.BUY, d("0.0005"), d("500.005"));
    assertThat(btc.violations(bad, null)).hasSize(5);
    assertThatThrownBy(() -> btc.validate(bad, null))
        .isInstanceOfSatisfying(
            InvalidOrderException.class,
            e -> {
              assertThat(e.venue()).isEqualTo("client");
              assertThat(e.code()).isEqualTo(ExchangeException.NO_CODE);
            })
        .hasMessageStartingWith("BTCUSDT: order breaks 5 rules: ")
        .hasMessageContaining(
            "price 500.005 is off the PRICE_FILTER tick: (price - minPrice 556.72) must be a"
                + " multiple of tickSize 0.01; round it with roundPrice, e.g. to 500 or 500.01")
        .hasMessageContaining(
            "price 500.005 is below PRICE_FILTER minPrice 556.72; raise it to at least 556.72")
        .hasMessageContaining("quantity 0.0005 is off the LOT_SIZE step")
        .hasMessageContaining(
            "quantity 0.0005 is below LOT_SIZE minQty 0.001; raise it to at least 0.001")
        .hasMessageContaining("is below MIN_NOTIONAL 5");
  }

  @Test
  void pendingSymbolIsReportedAsNotTrading() {
    Instrument pending = get("BTCSTUSDT");
    OrderRequest order = OrderRequest.limit("BTCSTUSDT", Side.BUY, d("1"), d("40"));
    assertThat(pending.violations(order, null))
        .containsExactly(
            "BTCSTUSDT is not trading (the venue does not accept orders now); wait until it"
                + " trades");
  }

  @Test
  void convertsBtcusdtPricesToTicksAndBack() {
    Instrument btc = get("BTCUSDT");
    assertThat(btc.toTicks(d("32123.45"))).isEqualTo(3_212_345L);
    assertThat(btc.toTicks(d("32123.450000"))).isEqualTo(3_212_345L);
    assertThat(btc.fromTicks(3_212_345L)).hasToString("32123.45");
    assertThat(btc.fromTicks(3_212_300L)).hasToString("32123");
    assertThatThrownBy(() -> btc.toTicks(d("32123.455")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "price 32123.455 is not a multiple of tickSize 0.01 of BTCUSDT; round it with"
                + " roundPrice first");
  }

  /**
   * Near the touch every recorded level converts to ticks exactly. Deep in the CTKUSDT book 131
   * levels sit off the current 0.001 tick (5-decimal prices, apparently orders resting from before
   * a tick change): a book kept in ticks must not assume every venue level is on the grid.
   */
  @Test
  void recordedBookLevelsNearTheTouchSitOnTheTickButDeepCtkLevelsDoNot() {
    List<OrderBookSnapshot> books = RefData.depthSnapshots();
    assertThat(books)
        .extracting(OrderBookSnapshot::symbol)
        .containsExactly("SUSHIUSDT", "AKROUSDT", "KEEPUSDT", "CTKUSDT");
    Map<String, Integer> offTick = new java.util.LinkedHashMap<>();
    for (OrderBookSnapshot book : books) {
      Instrument in = get(book.symbol());
      int off = 0;
      for (List<PriceLevel> side : List.of(book.bids(), book.asks())) {
        assertThat(side).isNotEmpty();
        for (int i = 0; i < side.size(); i++) {
          PriceLevel level = side.get(i);
          assertThat(level.quantity().remainder(in.stepSize()).signum()).isZero();
          if (i < 20) {
            assertThat(in.fromTicks(in.toTicks(level.price()))).isEqualByComparingTo(level.price());
          }
          if (level.price().remainder(in.tickSize()).signum() != 0) {
            off++;
          }
        }
      }
      offTick.put(book.symbol(), off);
      assertThat(book.bestBid().orElseThrow().price())
          .isLessThan(book.bestAsk().orElseThrow().price());
    }
    assertThat(offTick)
        .containsExactly(
            Map.entry("SUSHIUSDT", 0),
            Map.entry("AKROUSDT", 0),
            Map.entry("KEEPUSDT", 0),
            Map.entry("CTKUSDT", 131));
  }
}
