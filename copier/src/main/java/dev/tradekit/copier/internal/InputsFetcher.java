package dev.tradekit.copier.internal;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.copier.CopyRecord;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Gathers what planning a copy needs from the venues — the follower's instrument and position mode
 * (cached), balances when the policy sizes by them, the leader's leverage when mirrored — with as
 * few calls as possible, all at once.
 *
 * <pre>{@code
 * fetcher.fetch(follower, group, scheduler).thenAccept(f -> plan(f.inputs()));
 * }</pre>
 */
final class InputsFetcher {
  private final Exchange leader;
  private final JournalStore store;

  /**
   * What was gathered: the planner's inputs and the leader's leverage and margin type to mirror, if
   * any.
   */
  record Fetched(
      CopyPlanner.Inputs inputs,
      @Nullable Integer leaderLeverage,
      @Nullable MarginType leaderMarginType) {}

  private record Raw(
      Instrument instrument,
      Optional<AccountSnapshot> follower,
      Optional<AccountSnapshot> leader,
      Optional<Position> leaderPosition) {}

  /** The leader's last prices read once for a whole fan-out; null outside one. */
  private @Nullable Map<String, BigDecimal> sharedPrices;

  /** Every follower's copied positions read once for a whole fan-out; null outside one. */
  private @Nullable Map<String, Map<PositionKey, BigDecimal>> sharedPositions;

  /** Every follower's targets read once for a whole fan-out; null outside one. */
  private @Nullable Map<String, Map<PositionKey, BigDecimal>> sharedTargets;

  /** Followers whose slots were written during the fan-out: read again, on their own. */
  private final Set<String> written = new HashSet<>();

  private boolean sharing;

  InputsFetcher(Exchange leader, JournalStore store) {
    this.leader = leader;
    this.store = store;
  }

  /**
   * Fills the follower's caches ahead of its first copy — every instrument of its venue (one call)
   * and its position mode — so that copy waits for nothing but its order. Best effort: a failure
   * leaves the caches to be filled when a copy needs them.
   */
  void warmUp(Follower f, Executor scheduler) {
    f.exchange
        .marketData()
        .instruments()
        .thenAcceptAsync(
            list -> list.forEach(i -> f.instruments.putIfAbsent(i.symbol(), i)), scheduler);
    f.exchange
        .account()
        .snapshot()
        .thenAcceptAsync(
            s -> {
              if (f.positionMode == null) {
                f.positionMode = s.positionMode();
              }
            },
            scheduler);
  }

  /**
   * What {@code group} needs, at once, when every venue input is cached (the instrument and
   * position mode; no balances or leader position asked for): the common case of a warm follower,
   * which then plans in the same scheduler task as the fill that made the copy. Null when something
   * has to be fetched ({@link #fetch}).
   */
  @Nullable Fetched ready(Follower f, List<CopyRecord> group) {
    CopyRecord head = group.get(0);
    Instrument cached = f.instruments.get(head.symbol());
    boolean opens = CopyPlanner.opens(head);
    if (cached == null
        || f.positionMode == null
        || (opens && f.policy.needsBalances())
        || (opens && (f.settings.mirrorLeverage() || f.settings.mirrorMarginType()))) {
      return null;
    }
    return assemble(f, new Raw(cached, Optional.empty(), Optional.empty(), Optional.empty()));
  }

  /**
   * While on, the journal reads planning needs — the leader's last prices, every follower's copied
   * positions and targets — are made once and shared by every copy planned (one leader fill's
   * fan-out, during which only the engine writes them, and {@link #written} says where); off
   * forgets them.
   */
  void shareReads(boolean on) {
    sharing = on;
    sharedPrices = null;
    sharedPositions = null;
    sharedTargets = null;
    written.clear();
  }

  /**
   * Tells that {@code follower}'s slots were just written in the journal: while sharing, its next
   * plan reads them again instead of the shared copy.
   */
  void written(String follower) {
    if (sharing) {
      written.add(follower);
    }
  }

  private Map<String, BigDecimal> lastLeaderPrices() {
    if (!sharing) {
      return store.lastLeaderPrices();
    }
    Map<String, BigDecimal> prices = sharedPrices;
    if (prices == null) {
      prices = store.lastLeaderPrices();
      sharedPrices = prices;
    }
    return prices;
  }

  private Map<PositionKey, BigDecimal> followerPositions(String follower) {
    if (!sharing || written.contains(follower)) {
      return store.followerPositions(follower);
    }
    Map<String, Map<PositionKey, BigDecimal>> all = sharedPositions;
    if (all == null) {
      all = store.allFollowerPositions();
      sharedPositions = all;
    }
    return all.getOrDefault(follower, Map.of());
  }

  private Map<PositionKey, BigDecimal> followerTargets(String follower) {
    if (!sharing || written.contains(follower)) {
      return store.followerTargets(follower);
    }
    Map<String, Map<PositionKey, BigDecimal>> all = sharedTargets;
    if (all == null) {
      all = store.allFollowerTargets();
      sharedTargets = all;
    }
    return all.getOrDefault(follower, Map.of());
  }

  /** Fetches what {@code group} needs; the result is assembled on {@code scheduler}. */
  CompletableFuture<Fetched> fetch(Follower f, List<CopyRecord> group, Executor scheduler) {
    CopyRecord head = group.get(0);
    String symbol = head.symbol();
    boolean opens = CopyPlanner.opens(head);
    boolean balances = opens && f.policy.needsBalances();
    Instrument cached = f.instruments.get(symbol);
    CompletableFuture<Instrument> instrument =
        cached != null
            ? CompletableFuture.completedFuture(cached)
            : f.exchange.marketData().instrument(symbol);
    CompletableFuture<Optional<AccountSnapshot>> followerSnap =
        f.positionMode == null || balances
            ? f.exchange.account().snapshot().thenApply(Optional::of)
            : CompletableFuture.completedFuture(Optional.empty());
    CompletableFuture<Optional<AccountSnapshot>> leaderSnap =
        balances
            ? leader.account().snapshot().thenApply(Optional::of)
            : CompletableFuture.completedFuture(Optional.empty());
    CompletableFuture<Optional<Position>> leaderPosition =
        opens && (f.settings.mirrorLeverage() || f.settings.mirrorMarginType())
            ? leader.account().positions().thenApply(ps -> positionOf(ps, head))
            : CompletableFuture.completedFuture(Optional.empty());
    return CompletableFuture.allOf(instrument, followerSnap, leaderSnap, leaderPosition)
        .thenApplyAsync(
            v ->
                assemble(
                    f,
                    new Raw(
                        instrument.join(),
                        followerSnap.join(),
                        leaderSnap.join(),
                        leaderPosition.join())),
            scheduler);
  }

  private Fetched assemble(Follower f, Raw raw) {
    Instrument inst = raw.instrument();
    f.instruments.put(inst.symbol(), inst);
    raw.follower().ifPresent(s -> f.positionMode = s.positionMode());
    PositionMode mode = Objects.requireNonNull(f.positionMode, "follower position mode");
    String asset = inst.marginAsset();
    CopyPlanner.Inputs inputs =
        new CopyPlanner.Inputs(
            inst,
            mode,
            followerPositions(f.name),
            followerTargets(f.name),
            lastLeaderPrices(),
            raw.leader().map(s -> marginBalance(s, asset)).orElse(null),
            raw.follower().map(s -> marginBalance(s, asset)).orElse(null));
    Position lp = raw.leaderPosition().orElse(null);
    return new Fetched(
        inputs,
        lp != null && f.settings.mirrorLeverage() ? lp.leverage() : null,
        lp != null && f.settings.mirrorMarginType() ? lp.marginType() : null);
  }

  private static BigDecimal marginBalance(AccountSnapshot s, String asset) {
    return s.balance(asset).map(Balance::marginBalance).orElse(BigDecimal.ZERO);
  }

  private static Optional<Position> positionOf(List<Position> positions, CopyRecord head) {
    return positions.stream().filter(p -> p.symbol().equals(head.symbol())).findFirst();
  }
}
