package dev.tradekit.binance;

import static dev.tradekit.binance.WireNumbers.decOrZero;
import static dev.tradekit.binance.WireNumbers.positiveOrNull;

import dev.tradekit.api.model.Instrument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** exchangeInfo symbols → {@link Instrument}s with every order filter. */
final class InstrumentMapper {
  private InstrumentMapper() {}

  /** Every symbol of the reply, in the venue's order. */
  static List<Instrument> instruments(ExchangeInfoDto info) {
    List<Instrument> out = new ArrayList<>(info.symbols.size());
    for (ExchangeInfoDto.Symbol s : info.symbols) {
      out.add(instrument(s));
    }
    return out;
  }

  /**
   * One symbol. A missing filter disables its rules (zeros); PERCENT_PRICE multipliers outside the
   * ranges {@link Instrument} accepts are treated as absent.
   */
  static Instrument instrument(ExchangeInfoDto.Symbol s) {
    ExchangeInfoDto.Filter price = s.filter("PRICE_FILTER");
    ExchangeInfoDto.Filter lot = s.filter("LOT_SIZE");
    ExchangeInfoDto.Filter market = s.filter("MARKET_LOT_SIZE");
    ExchangeInfoDto.Filter notional = s.filter("MIN_NOTIONAL");
    ExchangeInfoDto.Filter percent = s.filter("PERCENT_PRICE");
    ExchangeInfoDto.Filter maxOrders = s.filter("MAX_NUM_ORDERS");
    String name = s.symbol;
    BigDecimal up = percent == null ? null : positiveOrNull(percent.multiplierUp, name + ".up");
    BigDecimal down =
        percent == null ? null : positiveOrNull(percent.multiplierDown, name + ".down");
    Integer limit = maxOrders == null ? null : maxOrders.limit;
    return Instrument.builder()
        .symbol(name)
        .baseAsset(s.baseAsset)
        .quoteAsset(s.quoteAsset)
        .marginAsset(s.marginAsset.isEmpty() ? s.quoteAsset : s.marginAsset)
        .trading("TRADING".equals(s.status))
        .tickSize(field(price, price == null ? null : price.tickSize, name, "tickSize"))
        .minPrice(field(price, price == null ? null : price.minPrice, name, "minPrice"))
        .maxPrice(field(price, price == null ? null : price.maxPrice, name, "maxPrice"))
        .stepSize(field(lot, lot == null ? null : lot.stepSize, name, "stepSize"))
        .minQty(field(lot, lot == null ? null : lot.minQty, name, "minQty"))
        .maxQty(field(lot, lot == null ? null : lot.maxQty, name, "maxQty"))
        .marketStepSize(
            field(market, market == null ? null : market.stepSize, name, "market.stepSize"))
        .marketMinQty(field(market, market == null ? null : market.minQty, name, "market.minQty"))
        .marketMaxQty(field(market, market == null ? null : market.maxQty, name, "market.maxQty"))
        .minNotional(field(notional, notional == null ? null : notional.notional, name, "notional"))
        .percentPriceUp(up != null && up.compareTo(BigDecimal.ONE) >= 0 ? up : null)
        .percentPriceDown(down != null && down.compareTo(BigDecimal.ONE) <= 0 ? down : null)
        .maxNumOrders(limit == null ? 0 : Math.max(0, limit))
        .pricePrecision(Math.max(0, s.pricePrecision))
        .quantityPrecision(Math.max(0, s.quantityPrecision))
        .build();
  }

  private static BigDecimal field(
      ExchangeInfoDto.@Nullable Filter filter, @Nullable String value, String symbol, String name) {
    return filter == null ? BigDecimal.ZERO : decOrZero(value, symbol + "." + name);
  }
}
