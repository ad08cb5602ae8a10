package dev.tradekit.samples.demo;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.testkit.FakeBinance;
import dev.tradekit.testkit.RateLimits;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The demo's venue: a {@link FakeBinance} on loopback replaying the demo market, with one account
 * per bot, and the real {@code binance-usdm} adapter connected to it over HTTP and WebSockets.
 */
final class DemoVenue implements AutoCloseable {
  /**
   * Ten times Binance's request limits: every bot and the scanner share one loopback address, where
   * on Binance each would have its own.
   */
  private static final RateLimits LIMITS =
      new RateLimits(24_000, 3_000, 12_000, 3, Duration.ofMinutes(2));

  private final FakeBinance fake;
  private final CountingSource source;
  private final List<Exchange> opened = new ArrayList<>();

  private DemoVenue(FakeBinance fake, CountingSource source) {
    this.fake = fake;
    this.source = source;
  }

  /**
   * Starts the fake venue with accounts {@code mm}, {@code leader}, {@code alice}, {@code bob},
   * {@code scanner} and the dashboard's {@code web-mm}, {@code web-alice} and {@code web-bob}.
   *
   * @throws IllegalStateException if the server does not start
   */
  static DemoVenue start(@Nullable Path data, long startMillis, Duration length, long seed) {
    CountingSource source = new CountingSource(DemoMarket.source(data, startMillis, length, seed));
    FakeBinance fake;
    try {
      fake =
          FakeBinance.builder()
              .instrument(DemoMarket.instrument())
              .source(source)
              .fees(new BigDecimal("0.0002"), new BigDecimal("0.0005"))
              .orderLatency(LatencyModel.fixed(Duration.ofMillis(5)))
              .rateLimits(LIMITS)
              .seed(seed)
              .account("mm", secret("mm"), AccountSetup.usdt(new BigDecimal("10000")))
              .account("leader", secret("leader"), AccountSetup.usdt(new BigDecimal("10000")))
              .account("alice", secret("alice"), AccountSetup.usdt(new BigDecimal("5000")))
              .account("bob", secret("bob"), AccountSetup.usdt(new BigDecimal("20000")))
              .account("scanner", secret("scanner"), AccountSetup.usdt(new BigDecimal("1000")))
              // the dashboard's own bots (DemoDashboard); idle when the dashboard is off
              .account("web-mm", secret("web-mm"), AccountSetup.usdt(new BigDecimal("10000")))
              .account("web-alice", secret("web-alice"), AccountSetup.usdt(new BigDecimal("5000")))
              .account("web-bob", secret("web-bob"), AccountSetup.usdt(new BigDecimal("20000")))
              .start();
    } catch (RuntimeException e) {
      source.close();
      throw new IllegalStateException(
          "the local Binance server did not start (" + e.getMessage() + ")", e);
    }
    return new DemoVenue(fake, source);
  }

  static String secret(String account) {
    return "demo-secret-" + account;
  }

  /** The real Binance USD-M adapter for {@code account}, pointed at the fake's URLs. */
  Exchange connect(String account, Scheduler scheduler) {
    Exchange ex = fake.adapter(account).scheduler(scheduler).build();
    opened.add(ex);
    return ex;
  }

  /**
   * The adapter for the account whose API key is {@code apiKey}, for the control plane to open and
   * close with a bot (not closed by {@link #close()}).
   */
  Exchange adapter(String apiKey) {
    return fake.adapter(apiKey).build();
  }

  /** The scanner's view of the venue, through the adapter like every other account. */
  Exchange connectScanner(Scheduler scheduler) {
    return connect("scanner", scheduler);
  }

  /** The REST base URL the adapters use. */
  String restBaseUrl() {
    return fake.restBaseUrl();
  }

  /** Market events the venue has consumed so far. */
  long marketEvents() {
    return source.count;
  }

  @Override
  public void close() {
    for (Exchange ex : opened) {
      try {
        ex.close();
      } catch (RuntimeException ignored) {
        // the server goes down next anyway
      }
    }
    fake.close();
  }

  /** Counts the events the venue's driver takes from the market source. */
  private static final class CountingSource implements MarketDataSource {
    private final MarketDataSource delegate;
    private volatile long count;

    CountingSource(MarketDataSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean next(MarketEvent into) {
      boolean more = delegate.next(into);
      if (more) {
        count++;
      }
      return more;
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
