package dev.tradekit.marketmaker;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A simulated BTCUSDT venue (tick 0.1, step 0.001, 10 ms order latency) driven by hand. */
final class SimMarket {
  static final String SYMBOL = "BTCUSDT";
  static final long T0 = 1_723_161_600_000L;
  static final TickScale SCALE = TickScale.of(new BigDecimal("0.1"));

  final VirtualScheduler clock = new VirtualScheduler(T0);
  final SimVenue venue =
      SimVenue.builder()
          .scheduler(clock)
          .instrument(instrument())
          .orderLatency(LatencyModel.fixed(Duration.ofMillis(10)))
          .marketDataLatency(LatencyModel.zero())
          .build();
  final Exchange exchange = venue.openAccount("bot", AccountSetup.usdt(new BigDecimal("10000")));
  final List<TradingEvent> events = new ArrayList<>();
  private long updateId = 1_000;

  static Instrument instrument() {
    return Instrument.builder()
        .symbol(SYMBOL)
        .baseAsset("BTC")
        .quoteAsset("USDT")
        .tickSize(new BigDecimal("0.1"))
        .minPrice(new BigDecimal("0.1"))
        .maxPrice(new BigDecimal("1000000"))
        .stepSize(new BigDecimal("0.001"))
        .minQty(new BigDecimal("0.001"))
        .maxQty(new BigDecimal("1000"))
        .minNotional(new BigDecimal("5"))
        .build();
  }

  MarketMaker.Builder bot(Strategy strategy, QuoteParameters params) {
    return MarketMaker.builder()
        .name("mm1")
        .exchange(exchange)
        .symbol(SYMBOL)
        .strategy(strategy)
        .parameters(params)
        .scheduler(clock)
        .listener(events::add);
  }

  /** A two-level book around {@code bid}/{@code ask}. */
  void book(String bid, String ask) {
    MarketEvent e = event(MarketEvent.Type.DEPTH_SNAPSHOT);
    updateId += 10;
    e.updateIds(0, updateId, 0);
    long b = SCALE.toTicks(new BigDecimal(bid));
    long a = SCALE.toTicks(new BigDecimal(ask));
    e.addLevel(Side.BUY, b, 1.5).addLevel(Side.BUY, b - 1, 2.0);
    e.addLevel(Side.SELL, a, 1.5).addLevel(Side.SELL, a + 1, 2.0);
    venue.onMarketEvent(e);
  }

  /** A depth update whose ids do not follow the last one: the feed reports the book stale. */
  void gap() {
    MarketEvent e = event(MarketEvent.Type.DEPTH_UPDATE);
    e.updateIds(updateId + 5, updateId + 6, updateId + 4);
    updateId += 6;
    venue.onMarketEvent(e);
  }

  /** A public trade; {@code sellerAggressor} = the buyer was the maker. */
  void trade(String price, double qty, boolean sellerAggressor) {
    MarketEvent e = event(MarketEvent.Type.TRADE);
    e.trade(++updateId, SCALE.toTicks(new BigDecimal(price)), qty, sellerAggressor);
    venue.onMarketEvent(e);
  }

  private MarketEvent event(MarketEvent.Type type) {
    long now = clock.currentTimeMillis();
    return new MarketEvent().reset(type, SYMBOL, now, now * 1_000_000L);
  }

  void advance(long millis) {
    clock.advanceBy(Duration.ofMillis(millis));
  }

  <T> T await(CompletableFuture<T> f) {
    for (int i = 0; i < 10_000 && !f.isDone(); i++) {
      advance(10);
    }
    return f.join();
  }

  /** The bot's orders resting at the venue, bids high to low then asks low to high. */
  List<Order> venueOrders() {
    List<Order> open = new ArrayList<>(await(exchange.trading().openOrders(SYMBOL)));
    open.sort(
        Comparator.comparing((Order o) -> o.side())
            .thenComparing(o -> o.side() == Side.BUY ? price(o).negate() : price(o)));
    return open;
  }

  static BigDecimal price(Order o) {
    return java.util.Objects.requireNonNull(o.price(), "price");
  }

  static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  long count(Class<? extends TradingEvent> type) {
    return events.stream().filter(type::isInstance).count();
  }
}
