package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Order;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a {@link MarketMaker} for hosts: whether it runs, the market, the inventory, its
 * PnL, its resting orders and counters, and the last error.
 *
 * <pre>{@code
 * MarketMakerStatus s = marketMaker.status();
 * log.info("{} pos={} uPnL={} rPnL={} orders={}", s.name(), s.position(),
 *     s.unrealisedPnl(), s.realisedPnl(), s.openOrders().size());
 * }</pre>
 *
 * @param time the engine scheduler's clock when the snapshot was taken
 * @param state {@code STOPPED}, {@code STARTING}, {@code RUNNING} or {@code STOPPING}
 * @param mid the mid of the last book, null before one
 * @param position signed position in base units
 * @param balance wallet balance of the margin asset
 * @param unrealisedPnl {@code position × (mid − entryPrice)}
 * @param realisedPnl realised PnL of fills seen since start, before fees
 * @param fees fees paid in the margin asset since start
 * @param leverage leverage set at start or since (0 when unknown)
 * @param openOrders the bot's resting orders as last reported by the venue
 * @param ordersPlaced placements sent since start
 * @param ordersCancelled cancels sent since start
 * @param ordersAmended amendments sent since start
 * @param fills fills of the bot's orders since start
 * @param lastError the last fatal error or breached hard limit, null when none
 */
public record MarketMakerStatus(
    String name,
    String symbol,
    long time,
    String state,
    @Nullable BigDecimal mid,
    BigDecimal position,
    BigDecimal entryPrice,
    BigDecimal balance,
    BigDecimal unrealisedPnl,
    BigDecimal realisedPnl,
    BigDecimal fees,
    int leverage,
    List<Order> openOrders,
    long ordersPlaced,
    long ordersCancelled,
    long ordersAmended,
    long fills,
    @Nullable String lastError) {

  /** Copies the order list and checks required fields. */
  public MarketMakerStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(state, "state");
    openOrders = List.copyOf(openOrders);
  }

  /** Whether the bot is quoting. */
  public boolean active() {
    return "RUNNING".equals(state);
  }

  /** {@code realisedPnl − fees + unrealisedPnl}. */
  public BigDecimal totalPnl() {
    return realisedPnl.subtract(fees).add(unrealisedPnl);
  }
}
