package dev.tradekit.backtest;

import java.util.Objects;

/**
 * A strategy under test: any class written against the {@link dev.tradekit.api.Exchange} SPI.
 *
 * <pre>{@code
 * Bot bot = new Bot() {
 *   public void start() { exchange.streams().trades("BTCUSDT", t -> onTrade(t)); }
 *   public void stop() {}
 * };
 * }</pre>
 *
 * <p>{@link #start()} runs on the virtual clock at the backtest's start time, before any market
 * event; {@link #stop()} runs at its end time. Both run on the scheduler's thread.
 */
public interface Bot {

  /** Subscribes to streams and schedules timers. */
  void start();

  /** Releases what {@link #start()} set up; orders left open stay on the venue. */
  void stop();

  /**
   * A bot from two actions, e.g. an engine's {@code start} and {@code stop}.
   *
   * <pre>{@code
   * BotFactory f = (ex, clock) -> { StrategyEngine e = ...; return Bot.of(e::start, e::stop); };
   * }</pre>
   */
  static Bot of(Runnable start, Runnable stop) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(stop, "stop");
    return new Bot() {
      @Override
      public void start() {
        start.run();
      }

      @Override
      public void stop() {
        stop.run();
      }
    };
  }
}
