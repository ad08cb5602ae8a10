package dev.tradekit.copier;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.UserTradesQuery;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The simulated exchange as a {@link ChaosVenue}: BTCUSDT and ETHUSDT books one tick wide and deep
 * enough never to run dry (restored every 500 ms), 15 ms order latency and 5 ms market-data
 * latency, all on one virtual clock.
 */
final class SimChaosVenue implements ChaosVenue {
  static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT"};

  private final VirtualScheduler clock = new VirtualScheduler(CopierFixture.T0);
  private final SimVenue venue;
  private final Exchange leader;
  private final Map<String, Exchange> followers = new LinkedHashMap<>();
  private final Map<String, PositionMode> modes = new LinkedHashMap<>();
  private long updateId = 1;
  private boolean layered;

  SimChaosVenue() {
    venue =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(CopierFixture.btc())
            .instrument(CopierFixture.eth())
            .orderLatency(LatencyModel.fixed(Duration.ofMillis(15)))
            .marketDataLatency(LatencyModel.fixed(Duration.ofMillis(5)))
            .build();
    leader = venue.openAccount("leader", AccountSetup.usdt(new BigDecimal("10000000")));
    clock.scheduleAtFixedRate(this::books, 0, 500, TimeUnit.MILLISECONDS);
    clock.runPending();
  }

  /**
   * Thin first levels (0.04 BTC, 0.4 ETH at each of the two best asks and bids), so a larger market
   * order fills in several fills of one order.
   */
  void layered() {
    layered = true;
    books();
  }

  /** Opens a follower in hedge mode (call before {@link #follower}). */
  void hedge(String name) {
    modes.put(name, PositionMode.HEDGE);
  }

  private void books() {
    book(CopierFixture.btc(), "59999.9", "60000.1", 0.04);
    book(CopierFixture.eth(), "2999.99", "3000.01", 0.4);
  }

  private void book(Instrument inst, String bid, String ask, double thin) {
    TickScale scale = TickScale.of(inst.tickSize());
    long now = clock.currentTimeMillis();
    MarketEvent e =
        new MarketEvent()
            .reset(MarketEvent.Type.DEPTH_SNAPSHOT, inst.symbol(), now, now * 1_000_000L);
    e.updateIds(0, updateId++, 0);
    long bidTicks = scale.toTicks(new BigDecimal(bid));
    long askTicks = scale.toTicks(new BigDecimal(ask));
    int thinLevels = layered ? 2 : 0;
    for (int i = 0; i < thinLevels; i++) {
      e.addLevel(Side.BUY, bidTicks - i, thin);
      e.addLevel(Side.SELL, askTicks + i, thin);
    }
    e.addLevel(Side.BUY, bidTicks - thinLevels, 1_000_000);
    e.addLevel(Side.SELL, askTicks + thinLevels, 1_000_000);
    venue.onMarketEvent(e);
  }

  @Override
  public VirtualScheduler clock() {
    return clock;
  }

  @Override
  public Exchange leader() {
    return leader;
  }

  @Override
  public Exchange follower(String name) {
    return followers.computeIfAbsent(
        name,
        n ->
            venue.openAccount(
                n,
                AccountSetup.builder()
                    .balance("USDT", new BigDecimal("10000000"))
                    .positionMode(modes.getOrDefault(n, PositionMode.ONE_WAY))
                    .build()));
  }

  @Override
  public void leaderTrade(String symbol, Side side, BigDecimal qty) {
    leader.trading().place(OrderRequest.market(symbol, side, qty));
  }

  /** Places an order for the leader and waits for the reply. */
  void leaderOrder(OrderRequest r) {
    await(leader.trading().place(r));
  }

  @Override
  public BigDecimal followerPosition(String name, String symbol) {
    return position(follower(name), symbol, PositionSide.BOTH);
  }

  BigDecimal position(Exchange ex, String symbol, PositionSide side) {
    for (Position p : await(ex.account().positions())) {
      if (p.symbol().equals(symbol) && p.positionSide() == side) {
        return p.amount();
      }
    }
    return BigDecimal.ZERO;
  }

  /** Every fill of an account since the start, both symbols. */
  List<Fill> fills(Exchange ex) {
    List<Fill> out = new java.util.ArrayList<>();
    for (String s : SYMBOLS) {
      out.addAll(
          await(
              ex.trading()
                  .userTrades(
                      UserTradesQuery.builder()
                          .symbol(s)
                          .startTime(CopierFixture.T0)
                          .limit(UserTradesQuery.MAX_LIMIT)
                          .build())));
    }
    return out;
  }

  @Override
  public Map<String, Set<String>> followerOrders(String name) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Fill f : fills(follower(name))) {
      out.computeIfAbsent(Objects.requireNonNull(f.clientOrderId()), k -> new HashSet<>())
          .add(f.orderId());
    }
    return out;
  }

  /** Runs the clock until {@code f} completes. */
  <T> T await(CompletableFuture<T> f) {
    clock.runPending();
    while (!f.isDone()) {
      clock.runNext();
    }
    return f.join();
  }
}
