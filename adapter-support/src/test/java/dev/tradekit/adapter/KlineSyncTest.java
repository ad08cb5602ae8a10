package dev.tradekit.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.runtime.VirtualScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The gap-free kline stream in virtual time, with REST klines answered by the test. */
class KlineSyncTest {
  private static final long T0 = 1_700_000_040_000L - 1_700_000_040_000L % 60_000L;
  private final VirtualScheduler clock = new VirtualScheduler(T0);
  private final List<CompletableFuture<List<Kline>>> requests = new ArrayList<>();
  private final List<KlineQuery> queries = new ArrayList<>();
  private final List<String> seen = new ArrayList<>();
  private final KlineSync.Fetcher rest =
      q -> {
        CompletableFuture<List<Kline>> f = new CompletableFuture<>();
        queries.add(q);
        requests.add(f);
        return f;
      };
  private final KlineSync sync;

  KlineSyncTest() {
    sync =
        new KlineSync(
            "BTCUSDT",
            KlineInterval.M1,
            clock,
            rest,
            (k, closed) -> seen.add(minute(k) + (closed ? " closed" : " update")));
  }

  private static long minute(Kline k) {
    return (k.openTime() - T0) / 60_000L;
  }

  private static Kline bar(long minute, String close) {
    long open = T0 + minute * 60_000L;
    BigDecimal c = new BigDecimal(close);
    return new Kline(
        "BTCUSDT",
        KlineInterval.M1,
        open,
        open + 59_999L,
        c,
        c,
        c,
        c,
        BigDecimal.ONE,
        c,
        1,
        BigDecimal.ZERO);
  }

  @Test
  void dropsAClosedBarDeliveredBeforeAndItsLateUpdates() {
    sync.onKline(bar(0, "100"), false);
    sync.onKline(bar(0, "101"), true);
    sync.onKline(bar(0, "101"), true);
    sync.onKline(bar(0, "101"), false);
    sync.onKline(bar(1, "102"), false);

    assertThat(seen).containsExactly("0 update", "0 closed", "1 update");
    assertThat(queries).isEmpty();
  }

  @Test
  void fillsMissedClosedBarsFromRestBeforeTheEventThatRevealedTheGap() {
    sync.onKline(bar(0, "100"), true);
    // the socket was down while bars 1 and 2 closed; the first event after it is bar 3
    sync.onKline(bar(3, "103"), false);
    sync.onKline(bar(3, "104"), false);

    assertThat(seen).containsExactly("0 closed");
    assertThat(queries).hasSize(1);
    assertThat(queries.get(0).startTime()).isEqualTo(T0 + 60_000L);
    assertThat(queries.get(0).endTime()).isEqualTo(T0 + 3 * 60_000L - 1);

    requests.get(0).complete(List.of(bar(1, "101"), bar(2, "102")));
    clock.runPending();

    assertThat(seen).containsExactly("0 closed", "1 closed", "2 closed", "3 update", "3 update");
  }

  @Test
  void retriesAFailedFillAndNeverSkipsABarThatRestHas() {
    sync.onKline(bar(0, "100"), true);
    sync.onKline(bar(2, "102"), true);
    requests.get(0).completeExceptionally(new IllegalStateException("HTTP 503"));
    clock.runPending();
    assertThat(seen).containsExactly("0 closed");

    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(requests).hasSize(2);
    requests.get(1).complete(List.of(bar(1, "101")));
    clock.runPending();

    assertThat(seen).containsExactly("0 closed", "1 closed", "2 closed");
  }

  @Test
  void continuesAfterAGapTheVenueHasNoBarsFor() {
    sync.onKline(bar(0, "100"), true);
    sync.onKline(bar(5, "105"), true);
    requests.get(0).complete(List.of());
    clock.runPending();
    sync.onKline(bar(6, "106"), true);

    assertThat(seen).containsExactly("0 closed", "5 closed", "6 closed");
  }
}
