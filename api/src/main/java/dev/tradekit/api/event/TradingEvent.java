package dev.tradekit.api.event;

import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import java.util.Objects;

/**
 * Something an engine did or saw: an order placed, updated, filled or cancelled, an exchange error,
 * the bot starting, stopping or failing, a target reached. {@code source} names the engine (a bot
 * or follower name); {@code time} is the engine scheduler's clock in epoch milliseconds.
 *
 * <pre>{@code
 * TradingListener l = event -> {
 *   if (event instanceof TradingEvent.OrderFilled f) pnl.record(f.fill());
 *   else if (event instanceof TradingEvent.BotError e) alert(e.message());
 * };
 * }</pre>
 */
public sealed interface TradingEvent {

  /** The engine, bot or follower that emitted the event. */
  String source();

  /** When it happened, in the engine scheduler's epoch milliseconds. */
  long time();

  /** An order was accepted by the venue. */
  record OrderPlaced(String source, long time, Order order) implements TradingEvent {
    public OrderPlaced {
      requireSource(source);
      Objects.requireNonNull(order, "order");
    }
  }

  /** An order changed (partially filled, amended, expired). */
  record OrderUpdated(String source, long time, Order order) implements TradingEvent {
    public OrderUpdated {
      requireSource(source);
      Objects.requireNonNull(order, "order");
    }
  }

  /** One of the engine's orders traded. */
  record OrderFilled(String source, long time, Fill fill) implements TradingEvent {
    public OrderFilled {
      requireSource(source);
      Objects.requireNonNull(fill, "fill");
    }
  }

  /** An order was cancelled. */
  record OrderCancelled(String source, long time, Order order) implements TradingEvent {
    public OrderCancelled {
      requireSource(source);
      Objects.requireNonNull(order, "order");
    }
  }

  /** A venue call failed; the engine carries on unless a {@link BotError} follows. */
  record ExchangeError(String source, long time, ExchangeException error) implements TradingEvent {
    public ExchangeError {
      requireSource(source);
      Objects.requireNonNull(error, "error");
    }
  }

  /** The engine started. */
  record BotStarted(String source, long time) implements TradingEvent {
    public BotStarted {
      requireSource(source);
    }
  }

  /** The engine stopped; {@code reason} says why (a user stop, a risk limit …). */
  record BotStopped(String source, long time, String reason) implements TradingEvent {
    public BotStopped {
      requireSource(source);
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The engine hit a fatal error; it stops and cancels its orders. */
  record BotError(String source, long time, String message, Throwable cause)
      implements TradingEvent {
    public BotError {
      requireSource(source);
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(cause, "cause");
    }
  }

  /** A goal the engine was given was reached (a take-profit, a grid completed, a target size). */
  record TargetReached(String source, long time, String description) implements TradingEvent {
    public TargetReached {
      requireSource(source);
      Objects.requireNonNull(description, "description");
    }
  }

  private static void requireSource(String source) {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source is blank: name the engine that emits the event");
    }
  }
}
