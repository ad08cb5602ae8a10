package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.fake.FakeExchange;
import dev.tradekit.copier.internal.JournalStore;
import dev.tradekit.copier.internal.LeaseLostException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One leader fill's copies to every follower are journaled as intended in one transaction. */
class FanOutJournalTest {
  private final CopierFixture fx = new CopierFixture();
  private final JournalStore memory = (JournalStore) CopyJournals.inMemory();
  private final List<String> writes = new ArrayList<>();

  /** Every read of follower slots, by method name, in order. */
  private final List<String> slotReads = new ArrayList<>();

  private final Map<String, FakeExchange> venues = new LinkedHashMap<>();

  /** The in-memory journal, with every intent write logged with the orders placed before it. */
  private final JournalStore journal =
      (JournalStore)
          Proxy.newProxyInstance(
              JournalStore.class.getClassLoader(),
              new Class<?>[] {JournalStore.class},
              (proxy, method, args) -> {
                if (method.getName().matches("(all)?[fF]ollower(Positions|Targets)")) {
                  slotReads.add(method.getName());
                }
                if (method.getName().equals("markIntended") && lostLease(args)) {
                  writes.add("refused: lease of f1 lost");
                  throw new LeaseLostException("follower:f1", "taken by another instance");
                }
                if (method.getName().equals("markIntended")) {
                  int placed = 0;
                  for (FakeExchange f : venues.values()) {
                    placed += f.placedOrders().size();
                  }
                  String what =
                      args.length == 1
                          ? "intents x" + ((List<?>) args[0]).size()
                          : "one intent of " + ((CopyRecord) args[0]).follower();
                  writes.add(what + " after " + placed + " orders");
                }
                try {
                  return method.invoke(memory, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });

  /** When set, every intent write that includes follower f1 is refused as a lost lease. */
  private volatile boolean f1LeaseLost;

  private boolean lostLease(Object[] args) {
    if (!f1LeaseLost) {
      return false;
    }
    if (args.length == 1) {
      for (Object o : (List<?>) args[0]) {
        if (((JournalStore.Intent) o).intended().follower().equals("f1")) {
          return true;
        }
      }
      return false;
    }
    return ((CopyRecord) args[0]).follower().equals("f1");
  }

  private TradeCopier start(int followers) {
    Map<String, Exchange> exchanges = new LinkedHashMap<>();
    Map<String, CopyPolicy> policies = new LinkedHashMap<>();
    for (int i = 0; i < followers; i++) {
      FakeExchange f = fx.follower("f" + i, "10000");
      venues.put("f" + i, f);
      exchanges.put("f" + i, f);
      policies.put("f" + i, CopyPolicies.fixedRatio(new BigDecimal("0.1")));
    }
    return fx.start(journal, exchanges, policies, b -> b);
  }

  @Test
  void everyFollowersIntentIsJournaledInOneWriteBeforeAnyOrderLeaves() {
    start(5);
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(writes).containsExactly("intents x5 after 0 orders");
    for (FakeExchange f : venues.values()) {
      assertThat(f.placedOrders()).hasSize(1);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(fx.pos("f" + i, "BTCUSDT")).isEqualByComparingTo("0.1");
    }
    assertThat(journal.count(HistoryQuery.builder().status(CopyStatus.COPIED).build()))
        .isEqualTo(5);

    fx.trade("BTCUSDT", Side.SELL, "0.5");
    assertThat(writes).containsExactly("intents x5 after 0 orders", "intents x5 after 5 orders");
    for (int i = 0; i < 5; i++) {
      assertThat(fx.pos("f" + i, "BTCUSDT")).isEqualByComparingTo("0.05");
    }
  }

  @Test
  void aFanOutReadsEveryFollowersPositionsAndTargetsOnceInsteadOfOncePerFollower() {
    start(5);
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(slotReads).containsExactlyInAnyOrder("allFollowerPositions", "allFollowerTargets");
    slotReads.clear();
    // the second fan-out plans from positions and targets the first one wrote
    fx.trade("BTCUSDT", Side.SELL, "0.4");
    assertThat(slotReads).containsExactlyInAnyOrder("allFollowerPositions", "allFollowerTargets");
    for (int i = 0; i < 5; i++) {
      assertThat(fx.pos("f" + i, "BTCUSDT")).isEqualByComparingTo("0.06");
      assertThat(journal.targetPosition("f" + i, "BTCUSDT", PositionSide.BOTH))
          .isEqualByComparingTo("0.06");
    }
  }

  @Test
  void aFollowerWhoseBalancesMustBeReadIsJournaledOnItsOwnOnceTheyArrive() {
    Map<String, Exchange> exchanges = new LinkedHashMap<>();
    Map<String, CopyPolicy> policies = new LinkedHashMap<>();
    for (String name : List.of("f0", "f1", "bal")) {
      FakeExchange f = fx.follower(name, "10000");
      venues.put(name, f);
      exchanges.put(name, f);
      policies.put(
          name,
          name.equals("bal")
              ? CopyPolicies.proportionalToBalance()
              : CopyPolicies.fixedRatio(new BigDecimal("0.1")));
    }
    fx.start(journal, exchanges, policies, b -> b);
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(writes)
        .containsExactly("intents x2 after 0 orders", "one intent of bal after 2 orders");
    // leader cost 60000 of a 100000 balance; the follower's 10000 gives 0.1
    assertThat(fx.pos("bal", "BTCUSDT")).isEqualByComparingTo("0.1");
    assertThat(fx.pos("f0", "BTCUSDT")).isEqualByComparingTo("0.1");
    assertThat(fx.pos("f1", "BTCUSDT")).isEqualByComparingTo("0.1");
  }

  @Test
  void aLeaseLostForOneFollowerLeavesOnlyItsCopyUnsentAndJournalsTheOthersOneByOne() {
    start(3);
    f1LeaseLost = true;
    fx.trade("BTCUSDT", Side.BUY, "1");
    assertThat(writes)
        .containsExactly(
            "refused: lease of f1 lost",
            "one intent of f0 after 0 orders",
            "refused: lease of f1 lost",
            "one intent of f2 after 1 orders");
    assertThat(fx.pos("f0", "BTCUSDT")).isEqualByComparingTo("0.1");
    assertThat(fx.pos("f2", "BTCUSDT")).isEqualByComparingTo("0.1");
    assertThat(fx.ex("f1").placedOrders()).isEmpty();
    assertThat(journal.history(HistoryQuery.builder().follower("f1").build()))
        .singleElement()
        .extracting(CopyRecord::status)
        .isEqualTo(CopyStatus.PENDING);
  }
}
