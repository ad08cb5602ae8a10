package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.SYMBOL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The simulator's money figures computed without dividing (average fill price, entry price, margin
 * per leverage) are exactly those of the divisions they replace: a random session of market and
 * limit orders, trades, cancels and leverage changes is checked after every step against a
 * reference that books every fill and every margin the division way.
 */
class ExactAccountingTest {
  private static final int[] LEVERAGES = {1, 2, 3, 7, 20, 25, 50, 125};

  @Test
  void everyBalancePositionFillAndMarginEqualsTheDivisionWayThroughARandomSession() {
    SimKit kit = new SimKit();
    SimExchange ex = (SimExchange) kit.account("a", "1000000");
    SimAccount account = ex.account;
    SymbolMatcher m = Objects.requireNonNull(kit.venue.matcher(SYMBOL));
    kit.snapshot("99.0", "3", "98.0", "10", "|", "100.0", "3", "101.0", "10");
    SplittableRandom random = new SplittableRandom(11);
    Reference reference = new Reference(new BigDecimal("1000000"));
    int checkedFills = 0;
    int mixedAverages = 0;
    for (int step = 0; step < 1500; step++) {
      int action = random.nextInt(12);
      List<SimOrder> open = new ArrayList<>(account.openOrders());
      // mostly toward flat and beyond: positions open, add, reduce, close and flip
      int position = reference.amount.signum();
      Side side =
          position != 0 && random.nextInt(3) > 0
              ? (position > 0 ? Side.SELL : Side.BUY)
              : (random.nextBoolean() ? Side.BUY : Side.SELL);
      BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(5000), 3);
      if (action < 3) {
        settle(
            kit,
            ex.trading()
                .place(
                    OrderRequest.builder()
                        .symbol(SYMBOL)
                        .side(side)
                        .type(OrderType.MARKET)
                        .quantity(qty)
                        .build()));
      } else if (action < 6 || open.isEmpty()) {
        String price = String.format("%.1f", 95 + random.nextInt(100) / 10.0);
        settle(
            kit,
            ex.trading()
                .place(
                    OrderRequest.builder()
                        .symbol(SYMBOL)
                        .side(side)
                        .quantity(qty)
                        .price(new BigDecimal(price))
                        .build()));
      } else if (action < 7) {
        SimOrder o = open.get(random.nextInt(open.size()));
        settle(kit, ex.trading().cancel(OrderRef.byClientId(SYMBOL, o.clientOrderId)));
      } else if (action < 8) {
        int leverage = LEVERAGES[random.nextInt(LEVERAGES.length)];
        settle(kit, ex.trading().setLeverage(SYMBOL, leverage));
      } else if (action < 10) {
        kit.trade(
            String.format("%.1f", 96 + random.nextInt(80) / 10.0),
            random.nextInt(300) / 100.0,
            random.nextBoolean());
      } else {
        kit.snapshot(
            String.format("%.1f", 97 + random.nextInt(20) / 10.0),
            Integer.toString(1 + random.nextInt(4)),
            "90.0",
            "40",
            "|",
            String.format("%.1f", 99.1 + random.nextInt(20) / 10.0),
            Integer.toString(1 + random.nextInt(4)),
            "110.0",
            "40");
      }
      List<Fill> fills = account.fills();
      for (; checkedFills < fills.size(); checkedFills++) {
        Fill f = fills.get(checkedFills);
        assertThat(f.realizedPnl()).as("step %d fill %s", step, f).isEqualTo(reference.book(f));
      }
      Ledger.Leg leg = account.ledger.leg(SYMBOL, PositionSide.BOTH, "USDT");
      assertThat(leg.entry).as("entry at step %d", step).isEqualTo(reference.entry);
      assertThat(leg.amount).as("amount at step %d", step).isEqualTo(reference.amount);
      assertThat(account.ledger.wallet("USDT")).as("wallet").isEqualTo(reference.wallet);
      int leverage = account.ledger.leverage(SYMBOL);
      assertThat(Margin.orderMargin(account, m, null, null, 0, 0))
          .as("order margin at step %d", step)
          .isEqualByComparingTo(orderMarginByDivision(account, m, leverage));
      BigDecimal mark = kit.venue.markOrNull(SYMBOL);
      BigDecimal legMargin =
          leg.amount.signum() == 0
              ? BigDecimal.ZERO
              : leg.amount
                  .abs()
                  .multiply(mark == null ? leg.entry : mark)
                  .divide(BigDecimal.valueOf(leverage), MathContext.DECIMAL128);
      assertThat(account.ledger.positionMargin("USDT", kit.venue::markOrNull))
          .as("position margin at step %d", step)
          .isEqualByComparingTo(legMargin);
    }
    // every order's reported average is the division of its quote by its executed quantity
    Map<String, BigDecimal> quote = new HashMap<>();
    Map<String, Integer> prices = new HashMap<>();
    Map<String, BigDecimal> firstPrice = new HashMap<>();
    for (Fill f : account.fills()) {
      quote.merge(f.orderId(), f.price().multiply(f.quantity()), BigDecimal::add);
      if (!f.price().equals(firstPrice.putIfAbsent(f.orderId(), f.price()))) {
        prices.merge(f.orderId(), 1, Integer::sum);
      }
    }
    for (Map.Entry<String, BigDecimal> e : quote.entrySet()) {
      SimOrder o = Objects.requireNonNull(account.find(SYMBOL, e.getKey(), null));
      Order order = o.toOrder();
      BigDecimal byDivision =
          Amounts.plain(e.getValue().divide(order.executedQuantity(), MathContext.DECIMAL64));
      assertThat(order.averagePrice()).as("average of %s", o).isEqualTo(byDivision);
      mixedAverages += prices.getOrDefault(e.getKey(), 0) > 1 ? 1 : 0;
    }
    assertThat(checkedFills).as("the session filled orders").isGreaterThan(300);
    assertThat(mixedAverages).as("orders filled at several prices").isGreaterThan(5);
    assertThat(reference.flips).as("positions that flipped side").isGreaterThan(20);
    assertThat(reference.adds).as("fills that added to a position").isGreaterThan(20);
  }

  @Test
  void marginPerLeverageEqualsTheDecimal128DivisionForEveryLeverage() {
    SplittableRandom random = new SplittableRandom(3);
    for (int leverage = 1; leverage <= 1200; leverage++) {
      for (int i = 0; i < 40; i++) {
        BigDecimal value =
            i == 0
                // 34 digits: the product by 1/leverage needs more, the division rounds
                ? new BigDecimal("1234567890123456789012345678901.237")
                : BigDecimal.valueOf(random.nextLong(1, Long.MAX_VALUE), random.nextInt(-3, 20));
        BigDecimal divided = value.divide(BigDecimal.valueOf(leverage), MathContext.DECIMAL128);
        assertThat(Margin.perLeverage(value, leverage))
            .as("%s / %d", value, leverage)
            .isEqualByComparingTo(divided);
      }
    }
  }

  @Test
  void lotsOfAnAmountEqualTheTruncatedDivisionForEveryLotSize() {
    SplittableRandom random = new SplittableRandom(9);
    String[] lots = {"0.001", "0.0010", "1", "10", "1E+1", "0.1", "0.005", "0.25", "3", "0.00001"};
    for (String text : lots) {
      BigDecimal lot = new BigDecimal(text);
      int decimals = SymbolMatcher.lotDecimals(lot);
      for (int i = 0; i < 2000; i++) {
        BigDecimal amount =
            BigDecimal.valueOf(
                random.nextLong(-1_000_000_000L, 1_000_000_000L), random.nextInt(-2, 9));
        assertThat(SymbolMatcher.lots(amount, lot, decimals))
            .as("%s in lots of %s", amount, lot)
            .isEqualTo(amount.divideToIntegralValue(lot).longValueExact());
      }
    }
    assertThat(SymbolMatcher.lotDecimals(new BigDecimal("0.001"))).isEqualTo(3);
    assertThat(SymbolMatcher.lotDecimals(new BigDecimal("0.005"))).isEqualTo(Integer.MIN_VALUE);
  }

  /** The initial margin of the open orders as the division wrote it before. */
  private static BigDecimal orderMarginByDivision(SimAccount account, SymbolMatcher m, int lev) {
    long[] sums = account.openOrderSums(m);
    long pos = account.lots(m, account.ledger.amount(SYMBOL, PositionSide.BOTH));
    BigDecimal charged =
        chargeable(sums[0], sums[1], Math.max(0, -pos))
            .add(chargeable(sums[2], sums[3], Math.max(0, pos)));
    if (charged.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal unit = m.market.instrument.tickSize().multiply(m.lotSize());
    return charged.multiply(unit).divide(BigDecimal.valueOf(lev), MathContext.DECIMAL128);
  }

  private static BigDecimal chargeable(long lots, long notional, long offsetLots) {
    if (lots <= offsetLots) {
      return BigDecimal.ZERO;
    }
    return BigDecimal.valueOf(notional)
        .multiply(BigDecimal.valueOf(lots - offsetLots))
        .divide(BigDecimal.valueOf(lots), MathContext.DECIMAL128);
  }

  /** Runs the clock until the request is answered. */
  private static void settle(SimKit kit, CompletableFuture<?> f) {
    kit.clock.runPending();
    while (!f.isDone() && kit.clock.runNext()) {
      // until answered
    }
  }

  /** One one-way leg and the wallet, booked fill by fill with the divisions of the ledger. */
  private static final class Reference {
    BigDecimal wallet;
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal entry = BigDecimal.ZERO;
    int flips;
    int adds;

    Reference(BigDecimal wallet) {
      this.wallet = wallet;
    }

    /** Books {@code f}; returns its realised PnL. */
    BigDecimal book(Fill f) {
      BigDecimal qty = f.quantity();
      BigDecimal price = f.price();
      BigDecimal signed = f.side() == Side.BUY ? qty : qty.negate();
      BigDecimal realized = BigDecimal.ZERO;
      if (amount.signum() == 0 || amount.signum() == signed.signum()) {
        adds += amount.signum() == 0 ? 0 : 1;
        BigDecimal total = amount.add(signed);
        entry =
            Amounts.plain(
                amount
                    .abs()
                    .multiply(entry)
                    .add(qty.multiply(price))
                    .divide(total.abs(), MathContext.DECIMAL128));
        amount = total;
      } else {
        BigDecimal closed = qty.min(amount.abs());
        realized = closed.multiply(price.subtract(entry));
        if (amount.signum() < 0) {
          realized = realized.negate();
        }
        realized = Amounts.plain(realized.setScale(8, RoundingMode.HALF_EVEN));
        BigDecimal total = amount.add(signed);
        if (total.signum() == 0) {
          entry = BigDecimal.ZERO;
        } else if (total.signum() != amount.signum()) {
          entry = Amounts.plain(price);
          flips++;
        }
        amount = total;
      }
      wallet = wallet.add(realized.subtract(f.commission()));
      return realized;
    }
  }
}
