package dev.tradekit.marketmaker;

import static dev.tradekit.marketmaker.SimMarket.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.execution.RiskLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The engine against the simulated venue: quoting, fills, requotes and the lifecycle. */
class MarketMakerSimTest {
  private static final QuoteParameters TEN_BPS = QuoteParameters.of(bd("0.001"), bd("0.002"));
  private static final SyncSettings SYNC =
      SyncSettings.builder()
          .priceToleranceTicks(2)
          .minRequoteInterval(Duration.ofMillis(100))
          .refreshInterval(Duration.ofSeconds(1))
          .build();

  private final SimMarket m = new SimMarket();

  private MarketMaker started(MarketMaker.Builder b) {
    m.book("60000.0", "60000.2");
    MarketMaker mm = b.sync(SYNC).build();
    m.await(mm.start());
    m.advance(500);
    return mm;
  }

  private static List<Tuple> quotes(List<Order> orders) {
    return orders.stream().map(o -> tuple(o.side(), plain(SimMarket.price(o)))).toList();
  }

  private static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  @Test
  void startQuotesBothSidesRoundedAwayFromTheMid() {
    MarketMaker mm = started(m.bot(Strategies.fixedSpread(), TEN_BPS));
    // mid 60000.1: buy 59940.0999 -> 59940.0, sell 60060.1001 -> 60060.2
    assertThat(quotes(m.venueOrders()))
        .containsExactly(tuple(Side.BUY, bd("59940")), tuple(Side.SELL, bd("60060.2")));
    MarketMakerStatus s = mm.status();
    assertThat(s.active()).isTrue();
    assertThat(s.mid()).isEqualByComparingTo("60000.1");
    assertThat(s.openOrders()).hasSize(2);
    assertThat(s.ordersPlaced()).isEqualTo(2);
    assertThat(m.count(TradingEvent.BotStarted.class)).isEqualTo(1);
    assertThat(m.venueOrders()).allMatch(o -> String.valueOf(o.clientOrderId()).startsWith("mm1-"));
  }

  @Test
  void aStrategyIgnoringTradesIsNotSubscribedUntilOneWantingThemReplacesIt() {
    List<BigDecimal> deafHeard = new ArrayList<>();
    List<BigDecimal> listenerHeard = new ArrayList<>();
    Strategy deaf = new TradeRecorder(deafHeard, false);
    MarketMaker mm = started(m.bot(deaf, TEN_BPS));
    m.trade("60000.1", 0.5, false);
    m.advance(100);
    assertThat(deafHeard).as("no trades stream for a strategy that ignores trades").isEmpty();

    m.await(mm.updateStrategy(new TradeRecorder(listenerHeard, true)));
    m.trade("60000.2", 0.5, false);
    m.advance(100);
    assertThat(listenerHeard).containsExactly(bd("60000.2"));
    assertThat(deafHeard).isEmpty();
  }

  /** Quotes nothing and records the public trades it is given. */
  private record TradeRecorder(List<BigDecimal> heard, boolean wantsTrades) implements Strategy {
    @Override
    public List<dev.tradekit.execution.TargetOrder> targets(QuoteContext ctx) {
      return List.of();
    }

    @Override
    public void onTrade(dev.tradekit.api.model.Trade trade, double mid) {
      heard.add(trade.price());
    }
  }

  @Test
  void moveWithinTheToleranceSendsNothing() {
    MarketMaker mm = started(m.bot(Strategies.fixedSpread(), TEN_BPS));
    long before = mm.status().ordersPlaced() + mm.status().ordersAmended();
    m.book("60000.1", "60000.3"); // sell target moves one tick, within two
    m.advance(500);
    assertThat(mm.status().ordersPlaced() + mm.status().ordersAmended()).isEqualTo(before);
    assertThat(mm.status().ordersCancelled()).isZero();
  }

  @Test
  void moveBeyondTheToleranceAmendsInPlace() {
    MarketMaker mm = started(m.bot(Strategies.fixedSpread(), TEN_BPS));
    m.book("60030.0", "60030.2"); // mid 60030.1: 59970.0699 -> 59970.0, 60090.1301 -> 60090.2
    m.advance(500);
    assertThat(quotes(m.venueOrders()))
        .containsExactly(tuple(Side.BUY, bd("59970")), tuple(Side.SELL, bd("60090.2")));
    assertThat(mm.status().ordersAmended()).isEqualTo(2);
    assertThat(mm.status().ordersPlaced()).isEqualTo(2);
    assertThat(mm.status().ordersCancelled()).isZero();
  }

  @Test
  void fillMovesTheInventoryAndTheBotRequotes() {
    MarketMaker mm = started(m.bot(Strategies.fixedSpread(), TEN_BPS));
    m.trade("59940.0", 0.01, true); // a seller hits our bid, nothing ahead of it
    m.advance(500);
    MarketMakerStatus s = mm.status();
    assertThat(s.fills()).isEqualTo(1);
    assertThat(s.position()).isEqualByComparingTo("0.002");
    assertThat(s.entryPrice()).isEqualByComparingTo("59940");
    assertThat(m.count(TradingEvent.OrderFilled.class)).isEqualTo(1);
    assertThat(quotes(m.venueOrders()))
        .containsExactly(tuple(Side.BUY, bd("59940")), tuple(Side.SELL, bd("60060.2")));
    assertThat(s.ordersPlaced()).isEqualTo(3);
  }

  @Test
  void inventoryCapBlocksTheBuySide() {
    started(
        m.bot(Strategies.fixedSpread(), TEN_BPS)
            .riskLimits(RiskLimits.builder().maxPosition(bd("0.002")).build()));
    m.trade("59940.0", 0.01, true);
    m.advance(500);
    assertThat(quotes(m.venueOrders())).containsExactly(tuple(Side.SELL, bd("60060.2")));
  }

  @Test
  void maxLossKillSwitchStopsAndCancelsEverything() {
    MarketMaker mm =
        started(
            m.bot(Strategies.fixedSpread(), TEN_BPS)
                .riskLimits(RiskLimits.builder().maxLoss(bd("1")).build()));
    m.trade("59940.0", 0.01, true);
    m.advance(500);
    m.book("59000.0", "59000.2"); // 0.002 * (59000.1 - 59940) = -1.88
    m.advance(1_000);
    MarketMakerStatus s = mm.status();
    assertThat(s.active()).isFalse();
    assertThat(s.state()).isEqualTo("STOPPED");
    assertThat(s.lastError()).contains("max loss 1");
    assertThat(m.venueOrders()).isEmpty();
    assertThat(m.count(TradingEvent.BotStopped.class)).isEqualTo(1);
  }

  @Test
  void staleBookStopsQuotingUntilAFreshOneArrives() {
    MarketMaker mm =
        started(
            m.bot(Strategies.fixedSpread(), TEN_BPS)
                .riskLimits(RiskLimits.builder().maxBookAge(Duration.ofSeconds(2)).build()));
    assertThat(m.venueOrders()).hasSize(2);
    m.advance(3_000); // no book change: the refresh timer finds the book too old
    assertThat(m.venueOrders()).isEmpty();
    assertThat(mm.status().active()).isTrue();
    m.book("60000.0", "60000.2");
    m.advance(500);
    assertThat(m.venueOrders()).hasSize(2);
  }

  @Test
  void streamGapCancelsQuotesUntilTheNextSnapshot() {
    started(m.bot(Strategies.fixedSpread(), TEN_BPS));
    m.gap();
    m.advance(500);
    assertThat(m.venueOrders()).isEmpty();
    m.book("60000.0", "60000.2");
    m.advance(500);
    assertThat(m.venueOrders()).hasSize(2);
  }

  @Test
  void fatalStrategyErrorLeavesZeroOpenOrders() {
    Strategy fixed = Strategies.fixedSpread();
    Strategy failing =
        ctx -> {
          if (ctx.market().mid().compareTo(new BigDecimal("60050")) > 0) {
            throw new IllegalStateException("model diverged");
          }
          return fixed.targets(ctx);
        };
    MarketMaker mm = started(m.bot(failing, TEN_BPS));
    assertThat(m.venueOrders()).hasSize(2);
    m.book("60100.0", "60100.2");
    m.advance(1_000);
    assertThat(m.venueOrders()).isEmpty();
    assertThat(mm.status().state()).isEqualTo("STOPPED");
    assertThat(mm.status().lastError()).contains("strategy failed").contains("model diverged");
    assertThat(m.count(TradingEvent.BotError.class)).isEqualTo(1);
  }

  @Test
  void stopCancelsTheBotsOrdersAndLeavesOthersAlone() {
    m.book("60000.0", "60000.2");
    m.await(
        m.exchange
            .trading()
            .place(
                OrderRequest.limit(SimMarket.SYMBOL, Side.BUY, bd("0.001"), bd("50000"))
                    .withClientOrderId("manual-1")));
    MarketMaker mm = started(m.bot(Strategies.fixedSpread(), TEN_BPS));
    assertThat(m.venueOrders()).hasSize(3);
    m.await(mm.stop());
    assertThat(m.venueOrders()).extracting(Order::clientOrderId).containsExactly("manual-1");
    assertThat(mm.status().state()).isEqualTo("STOPPED");
    assertThat(m.events.get(m.events.size() - 1))
        .isInstanceOfSatisfying(
            TradingEvent.BotStopped.class, e -> assertThat(e.reason()).contains("host"));
  }

  @Test
  void restingOrderOfAnEarlierRunIsTakenOverNotDuplicated() {
    m.book("60000.0", "60000.2");
    m.await(
        m.exchange
            .trading()
            .place(
                OrderRequest.limit(SimMarket.SYMBOL, Side.BUY, bd("0.002"), bd("59000"))
                    .withClientOrderId("mm1-old-1")));
    MarketMaker mm = started(m.bot(Strategies.fixedSpread(), TEN_BPS));
    List<Order> open = m.venueOrders();
    assertThat(quotes(open))
        .containsExactly(tuple(Side.BUY, bd("59940")), tuple(Side.SELL, bd("60060.2")));
    assertThat(open.get(0).clientOrderId()).isEqualTo("mm1-old-1"); // amended, not replaced
    assertThat(mm.status().ordersAmended()).isEqualTo(1);
  }

  @Test
  void parametersAndLeverageChangeWhileRunning() {
    MarketMaker mm = started(m.bot(Strategies.fixedSpread(), TEN_BPS).leverage(5));
    assertThat(mm.status().leverage()).isEqualTo(5);
    mm.updateParameters(mm.parameters().withSpread(new BigDecimal("0.002")));
    m.advance(500);
    // mid 60000.1: 59880.0998 -> 59880.0, 60120.1002 -> 60120.2
    assertThat(quotes(m.venueOrders()))
        .containsExactly(tuple(Side.BUY, bd("59880")), tuple(Side.SELL, bd("60120.2")));
    m.await(mm.setLeverage(10));
    assertThat(mm.status().leverage()).isEqualTo(10);
  }

  @Test
  void restartCancelsAndQuotesAgain() {
    MarketMaker mm = started(m.bot(Strategies.fixedSpread(), TEN_BPS));
    m.await(mm.restart());
    m.advance(500);
    assertThat(mm.status().active()).isTrue();
    assertThat(m.venueOrders()).hasSize(2);
    assertThat(m.count(TradingEvent.BotStarted.class)).isEqualTo(2);
  }

  @Test
  void pollingModeQuotesFromFetchedBookAndAccount() {
    SyncSettings polling = SyncSettings.builder().pollInterval(Duration.ofSeconds(1)).build();
    m.book("60000.0", "60000.2");
    MarketMaker mm = m.bot(Strategies.fixedSpread(), TEN_BPS).sync(polling).build();
    m.await(mm.start());
    m.advance(1_500);
    assertThat(m.venueOrders()).hasSize(2);
    m.trade("59940.0", 0.01, true);
    m.advance(2_000);
    assertThat(mm.status().position()).isEqualByComparingTo("0.002");
  }
}
