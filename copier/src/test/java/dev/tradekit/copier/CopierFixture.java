package dev.tradekit.copier;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.copier.fake.FakeExchange;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A leader, fake followers, a virtual clock and a recording listener, for engine tests. */
final class CopierFixture {
  static final long T0 = 1_700_000_000_000L;

  final VirtualScheduler clock = new VirtualScheduler(T0);
  final FakeExchange leader;
  final Map<String, FakeExchange> followers = new LinkedHashMap<>();
  final List<String> events = new ArrayList<>();
  final CopierListener listener =
      new CopierListener() {
        @Override
        public void fillDetected(Fill fill, CopyAction action) {
          events.add("fill " + fill.symbol() + " " + action);
        }

        @Override
        public void copied(CopyRecord copy) {
          events.add("copied " + copy.follower() + " " + copy.executedQuantity().toPlainString());
        }

        @Override
        public void skipped(CopyRecord copy, String reason) {
          events.add("skipped " + copy.follower() + ": " + reason);
        }

        @Override
        public void failed(CopyRecord copy, String reason) {
          events.add("failed " + copy.follower() + ": " + reason);
        }

        @Override
        public void followerPaused(String follower, String reason) {
          events.add("paused " + follower + ": " + reason);
        }

        @Override
        public void followerResumed(String follower) {
          events.add("resumed " + follower);
        }

        @Override
        public void error(String message, Throwable cause) {
          events.add("error " + message);
        }
      };

  CopierFixture() {
    leader = fake("leader", "100000");
  }

  static Instrument btc() {
    return Instrument.builder()
        .symbol("BTCUSDT")
        .baseAsset("BTC")
        .quoteAsset("USDT")
        .tickSize(new BigDecimal("0.1"))
        .minPrice(new BigDecimal("0.1"))
        .stepSize(new BigDecimal("0.001"))
        .minQty(new BigDecimal("0.001"))
        .minNotional(new BigDecimal("5"))
        .build();
  }

  static Instrument eth() {
    return Instrument.builder()
        .symbol("ETHUSDT")
        .baseAsset("ETH")
        .quoteAsset("USDT")
        .tickSize(new BigDecimal("0.01"))
        .minPrice(new BigDecimal("0.01"))
        .stepSize(new BigDecimal("0.01"))
        .minQty(new BigDecimal("0.01"))
        .minNotional(new BigDecimal("5"))
        .build();
  }

  FakeExchange fake(String name, String balance) {
    FakeExchange f =
        new FakeExchange(name, clock::currentTimeMillis, new BigDecimal(balance), btc(), eth());
    f.setPrice("BTCUSDT", "60000");
    f.setPrice("ETHUSDT", "3000");
    return f;
  }

  FakeExchange follower(String name, String balance) {
    FakeExchange f = fake(name, balance);
    followers.put(name, f);
    return f;
  }

  void price(String symbol, String price) {
    leader.setPrice(symbol, price);
    followers.values().forEach(f -> f.setPrice(symbol, price));
  }

  TradeCopier.Builder builder(CopyJournal journal) {
    return TradeCopier.builder()
        .leader(leader)
        .journal(journal)
        .scheduler(clock)
        .listener(listener);
  }

  /** Builds with {@code extra}, starts, and lets a second pass so leader fills are after start. */
  TradeCopier start(
      CopyJournal journal,
      Map<String, Exchange> exchanges,
      Map<String, CopyPolicy> policies,
      UnaryOperator<TradeCopier.Builder> extra) {
    TradeCopier.Builder b = builder(journal);
    exchanges.forEach(
        (n, ex) -> b.follower(n, ex, java.util.Objects.requireNonNull(policies.get(n))));
    TradeCopier c = extra.apply(b).build();
    c.start();
    clock.runPending();
    clock.advanceBy(Duration.ofMillis(10));
    return c;
  }

  Fill trade(String symbol, Side side, String qty) {
    Fill f = leader.trade(symbol, side, qty, PositionSide.BOTH, false);
    settle();
    return f;
  }

  /** Runs everything due within the next second of virtual time. */
  void settle() {
    clock.advanceBy(Duration.ofSeconds(1));
  }

  FakeExchange ex(String follower) {
    return java.util.Objects.requireNonNull(followers.get(follower), follower);
  }

  BigDecimal pos(String follower, String symbol) {
    return ex(follower).position(symbol, PositionSide.BOTH);
  }
}
