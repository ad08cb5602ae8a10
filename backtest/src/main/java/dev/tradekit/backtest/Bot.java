package dev.tradekit.backtest;

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
}
