package dev.tradekit.copier.internal;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.UserTradesQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Walks the leader's trades in one symbol over {@code [from, to]} within the venue's query limits:
 * windows of at most {@link UserTradesQuery#MAX_WINDOW_MILLIS}, and a full page continues from its
 * last trade's time (trades at that time come again and are deduplicated by the caller).
 *
 * <pre>{@code
 * TradePages.walk(leader, "BTCUSDT", from, to, scheduler, page -> { page.forEach(sink); return true; });
 * }</pre>
 */
final class TradePages {
  private TradePages() {}

  /**
   * Hands each page, sorted by time, to {@code onPage} on {@code scheduler}; {@code onPage} returns
   * false to stop.
   *
   * @return true once the walk reached {@code to}, false when {@code onPage} stopped it
   */
  static CompletableFuture<Boolean> walk(
      Exchange leader,
      String symbol,
      long from,
      long to,
      Executor scheduler,
      Predicate<List<Fill>> onPage) {
    if (from > to) {
      return CompletableFuture.completedFuture(true);
    }
    long windowEnd = Math.min(to, from + UserTradesQuery.MAX_WINDOW_MILLIS - 1);
    UserTradesQuery q =
        UserTradesQuery.builder()
            .symbol(symbol)
            .startTime(from)
            .endTime(windowEnd)
            .limit(UserTradesQuery.MAX_LIMIT)
            .build();
    return leader
        .trading()
        .userTrades(q)
        .thenComposeAsync(
            fills -> {
              List<Fill> sorted = new ArrayList<>(fills);
              sorted.sort(Comparator.comparingLong(Fill::time));
              if (!onPage.test(sorted)) {
                return CompletableFuture.completedFuture(false);
              }
              if (sorted.size() >= q.limit()) {
                long last = sorted.get(sorted.size() - 1).time();
                return walk(leader, symbol, last > from ? last : from + 1, to, scheduler, onPage);
              }
              return walk(leader, symbol, windowEnd + 1, to, scheduler, onPage);
            },
            scheduler);
  }
}
