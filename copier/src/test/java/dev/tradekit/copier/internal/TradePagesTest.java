package dev.tradekit.copier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.UserTradesQuery;
import dev.tradekit.copier.fake.FakeExchange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TradePagesTest {
  private final AtomicLong clock = new AtomicLong(1_000);
  private final FakeExchange leader =
      new FakeExchange(
          "leader",
          clock::get,
          new BigDecimal("1000000"),
          Instrument.builder()
              .symbol("BTCUSDT")
              .baseAsset("BTC")
              .quoteAsset("USDT")
              .tickSize(new BigDecimal("0.1"))
              .stepSize(new BigDecimal("0.001"))
              .build());

  /** {@code n} trades, {@code gap} ms apart, returning the time of the last. */
  private long trades(int n, long gap) {
    for (int i = 0; i < n; i++) {
      leader.trade("BTCUSDT", i % 2 == 0 ? Side.BUY : Side.SELL, "0.001", PositionSide.BOTH, true);
      clock.addAndGet(gap);
    }
    return clock.get();
  }

  @Test
  void walksFullPagesAndWindowsToTheEndInTimeOrder() {
    trades(2_500, 1); // more than two full pages
    clock.addAndGet(UserTradesQuery.MAX_WINDOW_MILLIS * 2); // and two windows later, a few more
    long end = trades(3, 1);
    List<List<Fill>> pages = new ArrayList<>();
    Boolean complete = TradePages.walk(leader, "BTCUSDT", 0, end, Runnable::run, pages::add).join();
    assertThat(complete).isTrue();
    assertThat(pages).allSatisfy(p -> assertThat(p.size()).isLessThanOrEqualTo(1_000));
    assertThat(pages.stream().filter(p -> p.size() == 1_000)).hasSizeGreaterThanOrEqualTo(2);
    Set<String> ids = new HashSet<>();
    long last = Long.MIN_VALUE;
    for (List<Fill> page : pages) {
      for (Fill f : page) {
        ids.add(f.tradeId());
      }
      assertThat(page).isSortedAccordingTo(java.util.Comparator.comparingLong(Fill::time));
      if (!page.isEmpty()) {
        assertThat(page.get(0).time()).isGreaterThanOrEqualTo(last);
        last = page.get(page.size() - 1).time();
      }
    }
    assertThat(ids).hasSize(2_503);
  }

  @Test
  void stopsWhenThePageHandlerSaysSo() {
    long end = trades(2_500, 1);
    List<List<Fill>> pages = new ArrayList<>();
    Boolean complete =
        TradePages.walk(
                leader,
                "BTCUSDT",
                0,
                end,
                Runnable::run,
                p -> {
                  pages.add(p);
                  return false;
                })
            .join();
    assertThat(complete).isFalse();
    assertThat(pages).hasSize(1);
  }
}
