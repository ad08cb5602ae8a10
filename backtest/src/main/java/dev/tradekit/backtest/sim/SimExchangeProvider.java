package dev.tradekit.backtest.sim;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.ExchangeConfig;
import dev.tradekit.api.ExchangeProvider;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.backtest.data.SyntheticMarket;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code sim} exchange provider, in two modes.
 *
 * <p><b>On a venue</b> (backtests, tests with several accounts): pass the {@link SimVenue} as an
 * extension and name the account. An account that does not exist yet is opened with {@code balance}
 * USDT (default 10000) in one-way mode at leverage 20.
 *
 * <pre>{@code
 * Exchange follower = Exchanges.builder("sim")
 *     .extension(SimVenue.class, venue)
 *     .option("account", "follower-1")     // default "default"
 *     .option("balance", "2500")            // only used when the account is new
 *     .build();
 * }</pre>
 *
 * <p><b>Zero-setup mode</b> (demos, trying the SDK): without a venue the provider builds one over a
 * seeded {@link SyntheticMarket} of one symbol that runs with the scheduler's clock, on {@link
 * ExchangeConfig#scheduler()} or else on a {@link LiveScheduler} it owns (closed with the
 * exchange). Options: {@code symbol} (default {@code BTCUSDT}, must end in USDT), {@code tickSize}
 * (0.1), {@code stepSize} (0.001), {@code mid} (60000), {@code seed} (1), {@code balance} (10000
 * USDT), {@code orderLatencyMs} and {@code marketDataLatencyMs} (both 0). The instrument has {@code
 * minQty} = step, {@code minNotional} 5 and no price band.
 *
 * <pre>{@code
 * try (Exchange sim = Exchanges.builder("sim").build()) {
 *   sim.streams().orderBook("BTCUSDT", book -> System.out.println(book.bestBidTicks()));
 * }
 * }</pre>
 */
public final class SimExchangeProvider implements ExchangeProvider {
  /** The provider id. */
  public static final String ID = "sim";

  /** The public no-argument constructor {@link java.util.ServiceLoader} needs. */
  public SimExchangeProvider() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Exchange create(ExchangeConfig config) {
    Objects.requireNonNull(config, "config");
    SimVenue venue = config.extension(SimVenue.class).orElse(null);
    return venue != null ? onVenue(venue, config) : standalone(config);
  }

  private static Exchange onVenue(SimVenue venue, ExchangeConfig config) {
    @Nullable Scheduler given = config.scheduler().orElse(null);
    if (given != null && given != venue.scheduler()) {
      throw new IllegalArgumentException(
          "the sim venue runs on its own scheduler; do not pass another one to the builder");
    }
    String name = config.option("account").orElse("default");
    synchronized (venue) {
      if (venue.hasAccount(name)) {
        return venue.account(name);
      }
      return venue.openAccount(name, AccountSetup.usdt(balance(config)));
    }
  }

  private static Exchange standalone(ExchangeConfig config) {
    String symbol = config.option("symbol").orElse("BTCUSDT").toUpperCase(Locale.ROOT);
    if (!symbol.endsWith("USDT") || symbol.length() <= 4) {
      throw new IllegalArgumentException(
          "option symbol must be a USDT-margined symbol such as BTCUSDT, was " + symbol);
    }
    BigDecimal tick = decimal(config, "tickSize", "0.1");
    BigDecimal step = decimal(config, "stepSize", "0.001");
    Instrument instrument =
        Instrument.builder()
            .symbol(symbol)
            .baseAsset(symbol.substring(0, symbol.length() - 4))
            .quoteAsset("USDT")
            .tickSize(tick)
            .stepSize(step)
            .minQty(step)
            .minNotional(new BigDecimal("5"))
            .build();
    LiveScheduler owned = null;
    Scheduler scheduler = config.scheduler().orElse(null);
    if (scheduler == null) {
      owned = LiveScheduler.create("tradekit-sim-" + symbol.toLowerCase(Locale.ROOT));
      scheduler = owned;
    }
    SimVenue venue =
        SimVenue.builder()
            .scheduler(scheduler)
            .instrument(instrument)
            .orderLatency(latency(config, "orderLatencyMs"))
            .marketDataLatency(latency(config, "marketDataLatencyMs"))
            .build();
    SyntheticMarket market =
        new SyntheticMarket(
            SyntheticMarket.Config.builder()
                .symbol(symbol)
                .tickSize(tick)
                .lotSize(step.toPlainString())
                .initialMid(decimal(config, "mid", "60000").toPlainString())
                .seed(Long.parseLong(config.option("seed").orElse("1")))
                .startTimeMillis(scheduler.currentTimeMillis())
                .duration(Duration.ofDays(3650))
                .build());
    SimAccount account = new SimAccount("default", venue, AccountSetup.usdt(balance(config)));
    return new SimExchange(venue, account, new StandaloneMarket(market, venue, owned));
  }

  private static BigDecimal balance(ExchangeConfig config) {
    BigDecimal b = decimal(config, "balance", "10000");
    if (b.signum() < 0) {
      throw new IllegalArgumentException("option balance must not be negative, was " + b);
    }
    return b;
  }

  private static BigDecimal decimal(ExchangeConfig config, String key, String fallback) {
    String text = config.option(key).orElse(fallback);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "option " + key + " must be a decimal number, was " + text, e);
    }
  }

  private static LatencyModel latency(ExchangeConfig config, String key) {
    long ms = decimal(config, key, "0").longValueExact();
    return ms == 0 ? LatencyModel.zero() : LatencyModel.fixed(Duration.ofMillis(ms));
  }
}
