package dev.tradekit.strategy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.event.TradingListener;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.runtime.Scheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link BarStrategy} on one symbol of one exchange: closed bars from the candle stream go
 * to the strategy as primitives, and its wish (long, short or flat) becomes market orders.
 *
 * <pre>{@code
 * StrategyEngine engine = StrategyEngine.builder()
 *     .name("sma")
 *     .exchange(exchange)
 *     .scheduler(scheduler)
 *     .symbol("BTCUSDT")
 *     .interval(KlineInterval.M1)
 *     .strategy(new SmaCross(50, 200))
 *     .sizing(Sizing.quantity(new BigDecimal("0.01")))
 *     .stopLoss(0.02)
 *     .warmupBars(200)
 *     .build();
 * engine.start().join();
 * ...
 * engine.stop().join();
 * }</pre>
 *
 * <p>On {@link #start()} the engine reads the instrument and the venue's position of the symbol
 * (that position is the initial wish), subscribes to user events and to the klines, and replays up
 * to {@code warmupBars} closed bars of the venue's history through the strategy without trading.
 * Then, on each closed bar, it updates the strategy's indicators, applies the exit rules, calls the
 * strategy and, when the wish differs from the venue's position and no order is in flight, sends
 * one market order for the difference with client id {@code <name>-<bar open time in base 36>},
 * once the risk manager the market maker uses too (module {@code execution}) has passed it; after
 * it ends it reads the position again. A bar whose close is older than {@code maxBarAge} when it
 * arrives (one filled in after a gap) updates the strategy but sends nothing. Everything runs on
 * the given {@link Scheduler}: the engine reads no clock but its own, sleeps never and starts no
 * threads. The same object runs on a live exchange, the simulator and in a backtest.
 */
public final class StrategyEngine {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9]{1,12}$");
  private final Engine engine;

  private StrategyEngine(Builder b) {
    this.engine = new Engine(b);
  }

  /** A builder; see {@link Builder} for required settings and defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts: the future completes on the scheduler once warmed up and subscribed, or fails with the
   * venue's error.
   */
  public CompletableFuture<Void> start() {
    return engine.start();
  }

  /**
   * Stops listening and cancels the engine's conditional orders (venue stops); the position stays
   * as it is on the venue.
   */
  public CompletableFuture<Void> stop() {
    return engine.stop("stopped");
  }

  /** Orders sent since start (lookups excluded). Read it on the scheduler. */
  public long ordersSent() {
    return engine.ordersSent();
  }

  @Override
  public String toString() {
    return engine.toString();
  }

  /**
   * Builds a {@link StrategyEngine}. Required: {@link #name}, {@link #exchange}, {@link
   * #scheduler}, {@link #symbol}, {@link #strategy}, {@link #sizing}. Defaults: interval one
   * minute, no stop-loss, take-profit or trailing stop (venue orders where supported, when set), no
   * position cap beyond the sizing, no loss limit, no warm-up bars, {@code maxBarAge} one interval,
   * no bar updates, {@link TradingListener#NONE}.
   */
  public static final class Builder {
    @Nullable String name;
    private @Nullable Exchange exchange;
    private @Nullable Scheduler scheduler;
    private @Nullable String symbol;
    private @Nullable BarStrategy strategy;
    @Nullable Sizing sizing;
    KlineInterval interval = KlineInterval.M1;
    double stopLoss;
    double takeProfit;
    double trailingStop;
    boolean venueStops = true;
    Duration exitTimeout = Duration.ofSeconds(30);
    int exitAttempts = 3;
    @Nullable BigDecimal maxPosition;
    @Nullable BigDecimal maxLoss;
    int warmupBars;
    @Nullable Duration maxBarAge;
    boolean updates;
    TradingListener listener = TradingListener.NONE;

    private Builder() {}

    /**
     * The bot's name, 1–12 letters or digits; the prefix of its client order ids.
     *
     * @throws IllegalArgumentException otherwise
     */
    public Builder name(String value) {
      Objects.requireNonNull(value, "name");
      if (!NAME.matcher(value).matches()) {
        throw new IllegalArgumentException(
            "name must be 1 to 12 letters or digits (it prefixes client order ids), was '"
                + value
                + "'");
      }
      this.name = value;
      return this;
    }

    /** The exchange to trade on. */
    public Builder exchange(Exchange value) {
      this.exchange = Objects.requireNonNull(value, "exchange");
      return this;
    }

    /** The clock, timers and event thread of the engine. */
    public Builder scheduler(Scheduler value) {
      this.scheduler = Objects.requireNonNull(value, "scheduler");
      return this;
    }

    /**
     * The venue symbol, e.g. {@code BTCUSDT}.
     *
     * @throws IllegalArgumentException if blank
     */
    public Builder symbol(String value) {
      Objects.requireNonNull(value, "symbol");
      if (value.isBlank()) {
        throw new IllegalArgumentException("symbol must not be blank");
      }
      this.symbol = value;
      return this;
    }

    /**
     * The bar length (default {@link KlineInterval#M1}).
     *
     * @throws IllegalArgumentException for {@link KlineInterval#MN1} (calendar months)
     */
    public Builder interval(KlineInterval value) {
      Objects.requireNonNull(value, "interval");
      if (value == KlineInterval.MN1) {
        throw new IllegalArgumentException("interval 1M (calendar month) is not supported");
      }
      this.interval = value;
      return this;
    }

    /** The strategy; one engine per strategy object (it keeps state). */
    public Builder strategy(BarStrategy value) {
      this.strategy = Objects.requireNonNull(value, "strategy");
      return this;
    }

    /** The size of a position the strategy asks for. */
    public Builder sizing(Sizing value) {
      this.sizing = Objects.requireNonNull(value, "sizing");
      return this;
    }

    /**
     * Closes a position whose bar's adverse extreme moves {@code fraction} against the entry (e.g.
     * 0.02); 0 turns it off (default).
     *
     * @throws IllegalArgumentException unless {@code 0 <= fraction < 1}
     */
    public Builder stopLoss(double fraction) {
      this.stopLoss = fraction(fraction, "stopLoss");
      return this;
    }

    /**
     * Closes a position whose bar's favourable extreme moves {@code fraction} beyond the entry; 0
     * turns it off (default).
     *
     * @throws IllegalArgumentException unless {@code 0 <= fraction < 1}
     */
    public Builder takeProfit(double fraction) {
      this.takeProfit = fraction(fraction, "takeProfit");
      return this;
    }

    /**
     * Closes a position when a bar's adverse extreme comes {@code fraction} back from the best
     * extreme of the earlier bars since the entry; 0 turns it off (default).
     *
     * @throws IllegalArgumentException unless {@code 0 <= fraction < 1}
     */
    public Builder trailingStop(double fraction) {
      this.trailingStop = fraction(fraction, "trailingStop");
      return this;
    }

    /**
     * Whether the stop-loss, take-profit and trailing stop rest on the venue as reduce-only
     * conditional orders where the venue supports their type (default true), or are always checked
     * by the engine on each closed bar. A venue stop is placed when a position is read, moved when
     * it changes, cancelled when it is closed and at {@link StrategyEngine#stop()}; its firing
     * makes the wish flat. A rule whose type the venue lacks, or whose order it refuses, stays an
     * engine rule.
     */
    public Builder venueStops(boolean value) {
      this.venueStops = value;
      return this;
    }

    /**
     * How long an exit may take (default 30 s, on the engine's {@code Scheduler}, never the wall
     * clock): an exit order of the engine (a flat wish, an engine stop rule) still unfilled or
     * unanswered after it is looked up, cancelled if open, and sent again; a fired venue stop whose
     * market order has not closed the position by then is looked up and cancelled the same way and
     * the engine exits itself. One exit is in flight at a time.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder exitTimeout(Duration value) {
      Objects.requireNonNull(value, "exitTimeout");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("exitTimeout must be positive, was " + value);
      }
      this.exitTimeout = value;
      return this;
    }

    /**
     * How many exit orders one exit may use (default 3): each one rejected, expired, cancelled or
     * past {@link #exitTimeout} is reported as an {@link ExitFailedException} and the next is sent
     * at once; after the last the engine gives up, reports it ({@link ExitFailedException#gaveUp})
     * and takes no new wish until the position is read flat.
     *
     * @throws IllegalArgumentException unless 1 to 100
     */
    public Builder exitAttempts(int value) {
      if (value < 1 || value > 100) {
        throw new IllegalArgumentException("exitAttempts must be 1 to 100, was " + value);
      }
      this.exitAttempts = value;
      return this;
    }

    /**
     * The largest position in base units, whatever the sizing says (default: no cap): a wish is
     * sized down to it, and every order is checked against it by the shared {@code RiskManager} of
     * module {@code execution} (with the instrument's filters), which drops an order that breaks
     * it.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxPosition(BigDecimal value) {
      Objects.requireNonNull(value, "maxPosition");
      if (value.signum() <= 0) {
        throw new IllegalArgumentException(
            "maxPosition must be positive, was " + value.toPlainString());
      }
      this.maxPosition = value;
      return this;
    }

    /**
     * The largest loss allowed, in the instrument's margin asset: when the account's margin balance
     * (wallet plus unrealised PnL, checked after each closed bar) has fallen this much or more
     * below its value at start (the market maker's rule: {@code RiskManager.killReason} of module
     * {@code execution}), the engine closes the position at the next bar and takes no new wish
     * (default: no limit).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxLoss(BigDecimal value) {
      Objects.requireNonNull(value, "maxLoss");
      if (value.signum() <= 0) {
        throw new IllegalArgumentException(
            "maxLoss must be positive, was " + value.toPlainString());
      }
      this.maxLoss = value;
      return this;
    }

    /**
     * Closed bars of the venue's history replayed at start, without trading, to warm the indicators
     * up (default 0, at most 1,500).
     *
     * @throws IllegalArgumentException outside 0–1,500
     */
    public Builder warmupBars(int value) {
      if (value < 0 || value > 1500) {
        throw new IllegalArgumentException("warmupBars must be 0 to 1500, was " + value);
      }
      this.warmupBars = value;
      return this;
    }

    /**
     * The stale-data guard: a closed bar that arrives later than this after its close time sends no
     * order (default: one interval).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maxBarAge(Duration value) {
      Objects.requireNonNull(value, "maxBarAge");
      if (value.isNegative()) {
        throw new IllegalArgumentException("maxBarAge must not be negative, was " + value);
      }
      this.maxBarAge = value;
      return this;
    }

    /** Whether {@link BarStrategy#onUpdate} sees the bar being built (default false). */
    public Builder updates(boolean value) {
      this.updates = value;
      return this;
    }

    /** Receives the engine's events: started, orders placed and filled, exits, errors. */
    public Builder listener(TradingListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    private static double fraction(double value, String what) {
      if (!(value >= 0 && value < 1)) {
        throw new IllegalArgumentException(what + " must be in [0, 1), was " + value);
      }
      return value;
    }

    String name() {
      return require(name, "name");
    }

    Exchange exchange() {
      return require(exchange, "exchange");
    }

    Scheduler scheduler() {
      return require(scheduler, "scheduler");
    }

    String symbol() {
      return require(symbol, "symbol");
    }

    BarStrategy strategy() {
      return require(strategy, "strategy");
    }

    Sizing sizing() {
      return require(sizing, "sizing");
    }

    private static <T> T require(@Nullable T value, String what) {
      if (value == null) {
        throw new IllegalArgumentException(what + " is required");
      }
      return value;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the first missing setting
     */
    public StrategyEngine build() {
      name();
      exchange();
      scheduler();
      symbol();
      strategy();
      sizing();
      return new StrategyEngine(this);
    }
  }
}
