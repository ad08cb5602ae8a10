package dev.tradekit.marketmaker;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.event.TradingListener;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.execution.PlanExecutor;
import dev.tradekit.execution.RiskLimits;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A market-making bot on one symbol of one exchange: it keeps the venue's orders equal to what its
 * {@link Strategy} wants, behind {@link RiskLimits}, and cancels everything when something is
 * wrong.
 *
 * <pre>{@code
 * MarketMaker mm = MarketMaker.builder()
 *     .name("mm1")
 *     .exchange(exchange)
 *     .symbol("BTCUSDT")
 *     .strategy(Strategies.inventorySkew(Strategies.fixedSpread(), 0.0, 1.0))
 *     .parameters(QuoteParameters.of(new BigDecimal("0.0005"), new BigDecimal("0.002")))
 *     .riskLimits(RiskLimits.builder().maxPosition(new BigDecimal("0.02")).build())
 *     .leverage(5)
 *     .scheduler(scheduler)
 *     .listener(event -> log.info("{}", event))
 *     .build();
 * mm.start().join();
 * ...
 * mm.updateParameters(mm.parameters().withSpread(new BigDecimal("0.001")));
 * mm.stop().join();   // cancels the bot's orders and confirms none is left
 * }</pre>
 *
 * <p>The engine runs on the given scheduler: it requotes on book changes (at most once per {@link
 * SyncSettings#minRequoteInterval()}), on fills and on a refresh timer, or, in the simple mode
 * ({@link SyncSettings#pollInterval()}), in a loop that fetches book, account and open orders. Its
 * orders carry client order ids starting with {@code <name>-}; orders with that prefix found on the
 * venue are taken over, others are never touched. A breached hard risk limit, a failing strategy,
 * bad credentials or 10 venue errors in a row stop the bot and cancel its orders; {@link #status()}
 * then holds the error. All methods are thread-safe and return at once; the futures complete on the
 * scheduler.
 */
public final class MarketMaker {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9]{1,12}$");
  private final Engine engine;

  private MarketMaker(Engine engine) {
    this.engine = engine;
  }

  /** A builder; see {@link Builder} for required settings and defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The bot's name, also the prefix of its client order ids. */
  public String name() {
    return engine.name;
  }

  /**
   * Starts quoting: checks the instrument, sets the leverage, takes over resting orders of the bot,
   * arms the dead-man switch where the venue has one, subscribes the streams. Fails when the bot is
   * not stopped or a step fails (the error is also in {@link #status()}).
   */
  public CompletableFuture<Void> start() {
    return engine.lifecycle.start();
  }

  /** Stops quoting, cancels every order of the bot and completes once the venue lists none. */
  public CompletableFuture<Void> stop() {
    return engine.lifecycle.stop("stopped by the host");
  }

  /** Stops (as {@link #stop()}) and starts again. */
  public CompletableFuture<Void> restart() {
    return engine.lifecycle.stop("restart").thenCompose(v -> engine.lifecycle.start());
  }

  /** The latest snapshot of the bot. */
  public MarketMakerStatus status() {
    return engine.status();
  }

  /**
   * Milliseconds from the last order-book update the bot saw (the book's own time) to its
   * scheduler's clock, as of its latest status; -1 before the first book since start. Thread-safe.
   */
  public long bookAgeMillis() {
    return engine.bookAgeMillis();
  }

  /** The quoting parameters in use. */
  public QuoteParameters parameters() {
    return engine.params;
  }

  /** Replaces the quoting parameters (spread, size, levels); applied at the next cycle. */
  public void updateParameters(QuoteParameters parameters) {
    Objects.requireNonNull(parameters, "parameters");
    engine.scheduler.execute(
        () -> {
          engine.params = parameters;
          engine.requestQuote();
        });
  }

  /** Replaces the risk limits; applied at the next cycle. */
  public void updateRiskLimits(RiskLimits limits) {
    Objects.requireNonNull(limits, "limits");
    engine.scheduler.execute(
        () -> {
          engine.risk.setLimits(limits);
          engine.requestQuote();
        });
  }

  /** Replaces the strategy; fails when it does not accept the running instrument. */
  public CompletableFuture<Void> updateStrategy(Strategy strategy) {
    Objects.requireNonNull(strategy, "strategy");
    CompletableFuture<Void> result = new CompletableFuture<>();
    engine.scheduler.execute(
        () -> {
          Session s = engine.session;
          try {
            if (s != null) {
              strategy.validate(s.instrument);
            }
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
          }
          engine.strategy = strategy;
          engine.lifecycle.subscribeTradesIfWanted();
          result.complete(null);
          engine.requestQuote();
        });
    return result;
  }

  /** Sets the leverage: at once on the venue when running, else at the next start. */
  public CompletableFuture<Void> setLeverage(int leverage) {
    if (leverage < 1) {
      throw new IllegalArgumentException("leverage must be >= 1, was " + leverage);
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    engine.scheduler.execute(
        () -> {
          Session s = engine.session;
          if (s == null || engine.phase != Engine.Phase.RUNNING) {
            engine.leverage = leverage;
            result.complete(null);
            return;
          }
          engine.onDone(
              engine.exchange.trading().setLeverage(engine.symbol, leverage),
              (v, e) -> {
                if (e != null) {
                  result.completeExceptionally(PlanExecutor.unwrap(e));
                } else {
                  engine.leverage = leverage;
                  s.account.leverage = leverage;
                  engine.publish();
                  result.complete(null);
                }
              });
        });
    return result;
  }

  /**
   * A builder of {@link MarketMaker}. Required: exchange, symbol, strategy, scheduler, and
   * parameters unless the strategy is a grid or DCA bot. Defaults: name {@code mm}; {@link
   * RiskLimits#builder()} defaults (no caps, 5 s book age); {@link SyncSettings#defaults()};
   * leverage 0 (left as it is on the venue); listener {@link TradingListener#NONE}.
   */
  public static final class Builder {
    private String name = "mm";
    private @Nullable Exchange exchange;
    private @Nullable String symbol;
    private @Nullable Strategy strategy;
    private @Nullable QuoteParameters parameters;
    private RiskLimits riskLimits = RiskLimits.builder().build();
    private SyncSettings sync = SyncSettings.defaults();
    private int leverage;
    private @Nullable Scheduler scheduler;
    private TradingListener listener = TradingListener.NONE;

    private Builder() {}

    /** 1 to 12 letters or digits; the prefix of the bot's client order ids (default mm). */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "name '" + name + "' must be 1 to 12 letters or digits (it prefixes client order ids)");
      }
      this.name = name;
      return this;
    }

    /** The venue account to quote on. Required. */
    public Builder exchange(Exchange exchange) {
      this.exchange = Objects.requireNonNull(exchange, "exchange");
      return this;
    }

    /** The symbol to quote, e.g. {@code BTCUSDT}. Required. */
    public Builder symbol(String symbol) {
      Objects.requireNonNull(symbol, "symbol");
      if (symbol.isBlank()) {
        throw new IllegalArgumentException("symbol is blank");
      }
      this.symbol = symbol;
      return this;
    }

    /** What to quote. Required. */
    public Builder strategy(Strategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /** Spread, size and levels. Required except for grid and DCA bots, which ignore them. */
    public Builder parameters(QuoteParameters parameters) {
      this.parameters = Objects.requireNonNull(parameters, "parameters");
      return this;
    }

    /** The risk limits (default: none but a 5 s book age). */
    public Builder riskLimits(RiskLimits limits) {
      this.riskLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Tolerances, timers and mode (default {@link SyncSettings#defaults()}). */
    public Builder sync(SyncSettings sync) {
      this.sync = Objects.requireNonNull(sync, "sync");
      return this;
    }

    /** Leverage set at start; 0 (default) leaves the venue's setting. */
    public Builder leverage(int leverage) {
      if (leverage < 0) {
        throw new IllegalArgumentException(
            "leverage must be >= 0 (0 = leave as is), was " + leverage);
      }
      this.leverage = leverage;
      return this;
    }

    /** The clock, timers and serial executor the bot runs on. Required. */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Receives the bot's events on the scheduler (default none). */
    public Builder listener(TradingListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Builds the bot (stopped); fails naming a missing setting. */
    public MarketMaker build() {
      Exchange ex = require(exchange, "exchange");
      String sym = require(symbol, "symbol");
      Strategy st = require(strategy, "strategy");
      Scheduler sch = require(scheduler, "scheduler");
      QuoteParameters p = parameters;
      if (p == null) {
        if (!(st instanceof GridStrategy) && !(st instanceof DcaStrategy)) {
          throw new IllegalStateException(
              "parameters(QuoteParameters) is required for this strategy (spread, size, levels)");
        }
        p = QuoteParameters.of(BigDecimal.ZERO, BigDecimal.ONE); // not read by grid and DCA
      }
      return new MarketMaker(
          new Engine(name, ex, sym, sch, listener, sync, riskLimits, st, p, leverage));
    }

    private static <T> T require(@Nullable T value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + "(...) is required");
      }
      return value;
    }
  }
}
