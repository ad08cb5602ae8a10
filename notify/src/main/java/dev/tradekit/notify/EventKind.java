package dev.tradekit.notify;

/**
 * What happened: every kind of event that engines and the control plane emit.
 *
 * <p>The {@link #wireName()} is stable ({@code bot.order.filled}) and is what webhooks carry as
 * {@code type}.
 *
 * <pre>{@code
 * NotifyEvent.builder(EventKind.ORDER_FILLED, "alice").bot("grid-1").build();
 * }</pre>
 */
public enum EventKind {
  BOT_CREATED("bot.created", "Bot created"),
  BOT_STARTED("bot.started", "Bot started"),
  BOT_STOPPED("bot.stopped", "Bot stopped"),
  BOT_ERROR("bot.error", "Bot error"),
  ORDER_PLACED("bot.order.placed", "Order placed"),
  ORDER_FILLED("bot.order.filled", "Order filled"),
  ORDER_CANCELLED("bot.order.cancelled", "Order cancelled"),
  ORDER_REJECTED("bot.order.rejected", "Order rejected"),
  EXCHANGE_ERROR("exchange.error", "Exchange error"),
  COPY_FAILED("copier.copy.failed", "Copy failed"),
  FOLLOWER_PAUSED("copier.follower.paused", "Follower paused by risk limit"),
  CIRCUIT_OPENED("circuit.opened", "Circuit breaker open"),
  CIRCUIT_CLOSED("circuit.closed", "Circuit breaker closed"),
  TARGET_PNL_REACHED("target.pnl.reached", "PnL target reached"),
  TARGET_PRICE_REACHED("target.price.reached", "Price target reached"),
  SCANNER_WALL_PROMOTED("scanner.wall.promoted", "New diamond wall"),
  BACKTEST_FINISHED("backtest.finished", "Backtest finished"),
  /** A test message a user asks for, to check a channel's settings. */
  TEST("notify.test", "Test notification");

  private final String wireName;
  private final String title;

  EventKind(String wireName, String title) {
    this.wireName = wireName;
    this.title = title;
  }

  /** The stable dotted name used on the wire, e.g. {@code bot.order.filled}. */
  public String wireName() {
    return wireName;
  }

  /** A short human title, e.g. {@code Order filled}. */
  public String title() {
    return title;
  }

  /** The kind whose {@link #wireName()} is {@code name}. */
  public static EventKind fromWireName(String name) {
    for (EventKind k : values()) {
      if (k.wireName.equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown event kind: " + name);
  }
}
