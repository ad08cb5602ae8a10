package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Checks an order against an instrument's filters; see {@link Instrument#violations}. */
final class OrderRules {
  private OrderRules() {}

  static List<String> violations(
      Instrument instrument, OrderRequest order, @Nullable BigDecimal markPrice) {
    Objects.requireNonNull(order, "order");
    if (markPrice != null) {
      Checks.positive(markPrice, "markPrice");
    }
    if (!order.symbol().equals(instrument.symbol())) {
      return List.of(
          "the order is for "
              + order.symbol()
              + " but the instrument is "
              + instrument.symbol()
              + "; check it against the order's own instrument");
    }
    List<String> out = new ArrayList<>();
    if (!instrument.trading()) {
      out.add(
          instrument.symbol()
              + " is not trading (the venue does not accept orders now); wait until it trades");
    }
    BigDecimal price = order.price();
    if (price != null) {
      checkPrice(instrument, "price", price, out);
      if (markPrice != null) {
        checkBand(instrument, price, markPrice, out);
      }
    }
    Trigger trigger = order.trigger();
    if (trigger != null) {
      if (trigger.price() != null) {
        checkPrice(instrument, "trigger price", trigger.price(), out);
      }
      if (trigger.activationPrice() != null) {
        checkPrice(instrument, "activation price", trigger.activationPrice(), out);
      }
    }
    checkQuantity(instrument, order, out);
    BigDecimal notionalPrice = order.type() == OrderType.LIMIT ? price : markPrice;
    if (!order.reduceOnly() && notionalPrice != null) {
      checkNotional(instrument, order, notionalPrice, out);
    }
    return out.isEmpty() ? List.of() : List.copyOf(out);
  }

  private static void checkPrice(Instrument in, String name, BigDecimal price, List<String> out) {
    BigDecimal tick = in.tickSize();
    if (tick.signum() > 0 && !DecimalGrid.isOnGrid(price, in.minPrice(), tick)) {
      out.add(
          name
              + " "
              + Checks.plain(price)
              + " is off the PRICE_FILTER tick: (price - minPrice "
              + in.minPrice().toPlainString()
              + ") must be a multiple of tickSize "
              + tick.toPlainString()
              + "; round it with roundPrice, e.g. to "
              + in.roundPrice(price, RoundingMode.DOWN).toPlainString()
              + " or "
              + in.roundPrice(price, RoundingMode.UP).toPlainString());
    }
    if (in.minPrice().signum() > 0 && price.compareTo(in.minPrice()) < 0) {
      out.add(
          name
              + " "
              + Checks.plain(price)
              + " is below PRICE_FILTER minPrice "
              + in.minPrice().toPlainString()
              + "; raise it to at least "
              + in.minPrice().toPlainString());
    }
    if (in.maxPrice().signum() > 0 && price.compareTo(in.maxPrice()) > 0) {
      out.add(
          name
              + " "
              + Checks.plain(price)
              + " is above PRICE_FILTER maxPrice "
              + in.maxPrice().toPlainString()
              + "; lower it to at most "
              + in.maxPrice().toPlainString());
    }
  }

  private static void checkBand(
      Instrument in, BigDecimal price, BigDecimal mark, List<String> out) {
    BigDecimal up = in.percentPriceUp();
    if (up != null) {
      BigDecimal cap = mark.multiply(up);
      if (price.compareTo(cap) > 0) {
        out.add(
            "price "
                + Checks.plain(price)
                + " is above the PERCENT_PRICE band: at most "
                + Checks.plain(cap)
                + " (mark price "
                + Checks.plain(mark)
                + " x multiplierUp "
                + up.toPlainString()
                + "); lower the price");
      }
    }
    BigDecimal down = in.percentPriceDown();
    if (down != null) {
      BigDecimal floor = mark.multiply(down);
      if (price.compareTo(floor) < 0) {
        out.add(
            "price "
                + Checks.plain(price)
                + " is below the PERCENT_PRICE band: at least "
                + Checks.plain(floor)
                + " (mark price "
                + Checks.plain(mark)
                + " x multiplierDown "
                + down.toPlainString()
                + "); raise the price");
      }
    }
  }

  private static void checkQuantity(Instrument in, OrderRequest order, List<String> out) {
    OrderType type = order.type();
    String filter = type.executesAtMarket() ? "MARKET_LOT_SIZE" : "LOT_SIZE";
    BigDecimal qty = order.quantity();
    BigDecimal step = in.stepSizeFor(type);
    BigDecimal min = in.minQtyFor(type);
    BigDecimal max = in.maxQtyFor(type);
    if (step.signum() > 0 && !DecimalGrid.isOnGrid(qty, min, step)) {
      out.add(
          "quantity "
              + Checks.plain(qty)
              + " is off the "
              + filter
              + " step: (quantity - minQty "
              + min.toPlainString()
              + ") must be a multiple of stepSize "
              + step.toPlainString()
              + "; round it down with roundQuantity to "
              + in.roundQuantity(qty, type).toPlainString());
    }
    if (min.signum() > 0 && qty.compareTo(min) < 0) {
      out.add(
          "quantity "
              + Checks.plain(qty)
              + " is below "
              + filter
              + " minQty "
              + min.toPlainString()
              + "; raise it to at least "
              + min.toPlainString());
    }
    if (max.signum() > 0 && qty.compareTo(max) > 0) {
      out.add(
          "quantity "
              + Checks.plain(qty)
              + " is above "
              + filter
              + " maxQty "
              + max.toPlainString()
              + "; lower it to at most "
              + max.toPlainString()
              + " or split the order");
    }
  }

  private static void checkNotional(
      Instrument in, OrderRequest order, BigDecimal price, List<String> out) {
    BigDecimal minNotional = in.minNotional();
    if (minNotional.signum() == 0) {
      return;
    }
    BigDecimal notional = price.multiply(order.quantity());
    if (notional.compareTo(minNotional) >= 0) {
      return;
    }
    String priceName = order.type().executesAtMarket() ? "mark price " : "price ";
    out.add(
        "notional "
            + Checks.plain(notional)
            + " ("
            + priceName
            + Checks.plain(price)
            + " x quantity "
            + Checks.plain(order.quantity())
            + ") is below MIN_NOTIONAL "
            + minNotional.toPlainString()
            + "; raise the quantity to at least "
            + minimumQuantity(in, order.type(), price).toPlainString()
            + " or send the order reduce-only");
  }

  /** The smallest quantity on the step grid whose notional at {@code price} reaches the minimum. */
  private static BigDecimal minimumQuantity(Instrument in, OrderType type, BigDecimal price) {
    BigDecimal raw = in.minNotional().divide(price, new MathContext(34, RoundingMode.CEILING));
    BigDecimal step = in.stepSizeFor(type);
    if (step.signum() == 0) {
      return Checks.normalize(raw);
    }
    BigDecimal onGrid = DecimalGrid.snap(raw, in.minQtyFor(type), step, RoundingMode.CEILING);
    return onGrid.compareTo(in.minQtyFor(type)) < 0 ? in.minQtyFor(type) : onGrid;
  }
}
