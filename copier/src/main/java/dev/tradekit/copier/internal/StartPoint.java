package dev.tradekit.copier.internal;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.runtime.Scheduler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Finds the start point of a first run and the leader's positions at it, using only the venue's own
 * clock: the leader's server time before and after a snapshot of its positions brackets the moment
 * of the snapshot, and the leader's trades in that bracket tell whether the snapshot is
 * unambiguous.
 *
 * <pre>{@code
 * StartPoint.Found found = new StartPoint(leader, scheduler, symbols, events).find(null).join();
 * store.initialize(found.startPoint(), found.baseline());
 * }</pre>
 *
 * <p>The venue answers the first server-time request at {@code t1}, takes the snapshot at some
 * {@code s} with {@code t1 <= s <= t2}, and answers the second at {@code t2}. When the leader has
 * no fill stamped in {@code [t1, t2]}, every fill before {@code t1} is in the snapshot and every
 * later one is not, so {@code t1} is an exact start point. A fill in the bracket is ambiguous and
 * the bracket is taken again, up to {@link #ATTEMPTS} times; then the start point is {@code t2 + 1}
 * (those fills count as part of the starting positions, so they are never copied twice) and the
 * listener is told. With an explicit start {@code from} before {@code t1}, the fills in {@code
 * [from, t1)} are taken out of the snapshot, so they are copied like any later fill.
 *
 * <p>The adapter's own estimate of the venue clock is never used: under load it can run ahead of
 * the venue by more than a round trip, which would drop the first fills after the start.
 */
public final class StartPoint {
  /** How many brackets are taken before settling on an ambiguous one. */
  public static final int ATTEMPTS = 5;

  private final Exchange leader;
  private final Scheduler scheduler;
  private final Set<String> configured;
  private final Events events;

  /** Finds the start point of {@code leader}; {@code configured} symbols are checked always. */
  public StartPoint(Exchange leader, Scheduler scheduler, Set<String> configured, Events events) {
    this.leader = leader;
    this.scheduler = scheduler;
    this.configured = Set.copyOf(configured);
    this.events = events;
  }

  /** The start point (venue time, inclusive) and the leader's positions just before it. */
  public record Found(long startPoint, Map<PositionKey, BigDecimal> baseline) {}

  /**
   * Brackets a snapshot of the leader's positions with two server-time requests.
   *
   * @param from an explicit start (venue epoch ms, not after the venue's current time), or null for
   *     "from now"
   */
  public CompletableFuture<Found> find(@Nullable Long from) {
    return attempt(from, 1);
  }

  private CompletableFuture<Found> attempt(@Nullable Long from, int n) {
    long[] t = new long[2];
    AccountSnapshot[] snap = new AccountSnapshot[1];
    return leader
        .marketData()
        .serverTime()
        .thenComposeAsync(
            t1 -> {
              t[0] = t1;
              if (from != null && from > t1) {
                throw new IllegalArgumentException(
                    "startFrom "
                        + from
                        + " is after the venue's current time "
                        + t1
                        + ": a start point must be in the past");
              }
              return leader.account().snapshot();
            },
            scheduler)
        .thenComposeAsync(
            s -> {
              snap[0] = s;
              return leader.marketData().serverTime();
            },
            scheduler)
        .thenComposeAsync(
            t2 -> {
              t[1] = Math.max(t2, t[0]);
              long start = from == null ? t[0] : from;
              return fills(symbols(snap[0]).iterator(), start, t[1], new LinkedHashMap<>());
            },
            scheduler)
        .thenComposeAsync(
            fills -> {
              List<Fill> ambiguous = new ArrayList<>();
              for (Fill f : fills) {
                if (f.time() >= t[0]) {
                  ambiguous.add(f);
                }
              }
              if (ambiguous.isEmpty()) {
                return CompletableFuture.completedFuture(
                    new Found(from == null ? t[0] : from, baseline(snap[0], fills)));
              }
              if (n < ATTEMPTS) {
                return attempt(from, n + 1);
              }
              events.error(
                  "the leader traded during each of "
                      + ATTEMPTS
                      + " starting snapshots; its fills up to venue time "
                      + t[1]
                      + " count as starting positions and are not copied: "
                      + ambiguous.stream().map(Fill::tradeId).toList(),
                  new IllegalStateException("ambiguous start point"));
              List<Fill> before = new ArrayList<>(fills);
              before.removeAll(ambiguous);
              return CompletableFuture.completedFuture(
                  new Found(from == null ? t[1] + 1 : from, baseline(snap[0], before)));
            },
            scheduler);
  }

  private Set<String> symbols(AccountSnapshot snap) {
    Set<String> out = new TreeSet<>(configured);
    for (Position p : snap.positions()) {
      out.add(p.symbol());
    }
    return out;
  }

  /** The snapshot's positions minus the fills after the start (which will be copied). */
  private static Map<PositionKey, BigDecimal> baseline(AccountSnapshot snap, List<Fill> after) {
    Map<PositionKey, BigDecimal> out = new HashMap<>();
    for (Position p : snap.positions()) {
      out.merge(new PositionKey(p.symbol(), p.positionSide()), p.amount(), BigDecimal::add);
    }
    for (Fill f : after) {
      out.merge(
          new PositionKey(f.symbol(), f.positionSide()),
          f.signedQuantity().negate(),
          BigDecimal::add);
    }
    out.values().removeIf(v -> v.signum() == 0);
    return out;
  }

  private CompletableFuture<List<Fill>> fills(
      Iterator<String> symbols, long from, long to, Map<String, Fill> into) {
    if (!symbols.hasNext()) {
      List<Fill> out = new ArrayList<>(into.values());
      out.sort(Comparator.comparingLong(Fill::time));
      return CompletableFuture.completedFuture(out);
    }
    String symbol = symbols.next();
    return TradePages.walk(
            leader,
            symbol,
            from,
            to,
            scheduler,
            page -> {
              page.forEach(f -> into.putIfAbsent(f.symbol() + ' ' + f.tradeId(), f));
              return true;
            })
        .thenComposeAsync(v -> fills(symbols, from, to, into), scheduler);
  }
}
