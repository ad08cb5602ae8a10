package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link Strategy} is given at one quoting cycle: the market, the inventory, the bot's
 * own open orders, the time (the engine scheduler's clock) and the current {@link QuoteParameters};
 * plus rounding helpers onto the instrument's grids.
 *
 * <pre>{@code
 * BigDecimal bid = ctx.roundBuy(ctx.market().mid().multiply(new BigDecimal("0.999")));
 * BigDecimal qty = ctx.roundQuantity(ctx.parameters().orderAmount());
 * }</pre>
 *
 * @param openOrders the bot's orders resting on the venue, as last reported
 * @param now epoch milliseconds of the engine's scheduler
 */
public record QuoteContext(
    MarketState market,
    Inventory inventory,
    List<Order> openOrders,
    long now,
    QuoteParameters parameters) {

  /** Copies the order list and checks that nothing is missing. */
  public QuoteContext {
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(inventory, "inventory");
    openOrders = List.copyOf(Objects.requireNonNull(openOrders, "openOrders"));
    Objects.requireNonNull(parameters, "parameters");
  }

  /** The instrument being quoted. */
  public Instrument instrument() {
    return market.instrument();
  }

  /** A buy price rounded down to the tick grid, or {@code null} when it is not positive. */
  public @Nullable BigDecimal roundBuy(BigDecimal price) {
    return price.signum() <= 0 ? null : instrument().roundPrice(price, RoundingMode.DOWN);
  }

  /** A sell price rounded up to the tick grid, or {@code null} when it is not positive. */
  public @Nullable BigDecimal roundSell(BigDecimal price) {
    return price.signum() <= 0 ? null : instrument().roundPrice(price, RoundingMode.UP);
  }

  /** A price rounded away from the mid: down for a buy, up for a sell. */
  public @Nullable BigDecimal round(Side side, BigDecimal price) {
    return side == Side.BUY ? roundBuy(price) : roundSell(price);
  }

  /** A quantity rounded down to the step grid; zero when it is below one step. */
  public BigDecimal roundQuantity(BigDecimal quantity) {
    return quantity.signum() <= 0
        ? BigDecimal.ZERO
        : instrument().roundQuantity(quantity, OrderType.LIMIT);
  }
}
