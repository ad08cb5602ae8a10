package dev.tradekit.binance;

import dev.tradekit.api.BookTickerListener;
import dev.tradekit.api.Credentials;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.TradeListener;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.KlineInterval;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/** Builds exchanges against a {@link FakeBinance} with a streams test double. */
final class TestExchanges {
  static final URI WS = URI.create("ws://127.0.0.1:9/");

  private TestExchanges() {}

  static BinanceExchange start(FakeBinance fake, BinanceConfig config) throws Exception {
    return start(fake, config, Credentials.of(FakeBinance.API_KEY, FakeBinance.SECRET));
  }

  static BinanceExchange start(
      FakeBinance fake, BinanceConfig config, @Nullable Credentials credentials) throws Exception {
    BinanceExchange ex =
        new BinanceExchange(
            new BinanceExchange.Setup(
                credentials, URI.create(fake.baseUrl()), WS, null, null, config),
            (context, marketData, cfg) -> new RecordingStreams(context));
    ex.started().get(30, TimeUnit.SECONDS);
    return ex;
  }

  /** Waits up to {@code millis} for {@code condition}, polling every 10 ms. */
  static boolean await(long millis, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(10);
    }
    return condition.getAsBoolean();
  }

  /** The failure of a future that must fail within 5 s, unwrapped. */
  static Throwable failure(CompletableFuture<?> f) throws InterruptedException {
    try {
      f.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return Futures.unwrap(e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the future did not complete within 5 s", e);
    }
    throw new AssertionError("the future succeeded but should have failed");
  }

  /** A streams test double that keeps the context it was built with. */
  static final class RecordingStreams implements Streams {
    final StreamsContext context;

    RecordingStreams(StreamsContext context) {
      this.context = context;
    }

    @Override
    public Subscription orderBook(String symbol, OrderBookListener listener) {
      return new Closed();
    }

    @Override
    public Subscription trades(String symbol, TradeListener listener) {
      return new Closed();
    }

    @Override
    public Subscription klines(String symbol, KlineInterval interval, KlineListener listener) {
      return new Closed();
    }

    @Override
    public Subscription bookTicker(String symbol, BookTickerListener listener) {
      return new Closed();
    }

    @Override
    public Subscription userEvents(UserEventListener listener) {
      return new Closed();
    }
  }

  private static final class Closed implements Subscription {
    @Override
    public boolean isActive() {
      return false;
    }

    @Override
    public void close() {}
  }
}
