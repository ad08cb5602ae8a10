package dev.tradekit.copier;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The in-test fake venue as a {@link ChaosVenue}. */
final class FakeChaosVenue implements ChaosVenue {
  private final CopierFixture fx = new CopierFixture();

  @Override
  public VirtualScheduler clock() {
    return fx.clock;
  }

  @Override
  public Exchange leader() {
    return fx.leader;
  }

  @Override
  public Exchange follower(String name) {
    return fx.followers.containsKey(name) ? fx.ex(name) : fx.follower(name, "1000000");
  }

  @Override
  public void leaderTrade(String symbol, Side side, BigDecimal qty) {
    fx.leader.trade(symbol, side, qty.toPlainString(), PositionSide.BOTH, false);
  }

  @Override
  public BigDecimal followerPosition(String name, String symbol) {
    return fx.pos(name, symbol);
  }

  @Override
  public Map<String, Set<String>> followerOrders(String name) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Order o : fx.ex(name).placedOrders()) {
      out.computeIfAbsent(Objects.requireNonNull(o.clientOrderId()), k -> new HashSet<>())
          .add(o.orderId());
    }
    return out;
  }
}
