package dev.tradekit.copier.internal;

import dev.tradekit.api.model.PositionSide;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import dev.tradekit.copier.HistoryQuery;
import dev.tradekit.copier.SymbolStats;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A journal held in memory: for tests, simulations and copiers that need not survive a restart.
 *
 * <pre>{@code
 * CopyJournal journal = new MemoryJournal();
 * }</pre>
 */
public final class MemoryJournal implements JournalStore {
  /** Newest first: by sequence number descending, then follower, then leg. */
  static final Comparator<CopyRecord> NEWEST_FIRST =
      Comparator.comparingLong(CopyRecord::seq)
          .reversed()
          .thenComparing(CopyRecord::follower)
          .thenComparingInt(CopyRecord::leg);

  private @Nullable Long startPoint;
  private final Map<PositionKey, BigDecimal> leaderPositions = new HashMap<>();
  private final Map<String, LeaderFillRow> fills = new HashMap<>();
  private final Map<String, Long> fillsPerSymbol = new TreeMap<>();
  private final Map<String, BigDecimal> lastPrices = new HashMap<>();
  private final Map<String, CopyRecord> copies = new LinkedHashMap<>();
  private final Map<String, Map<PositionKey, BigDecimal>> followerPositions = new HashMap<>();
  private final Map<String, Map<PositionKey, BigDecimal>> followerTargets = new HashMap<>();
  private final Map<String, Long> watermarks = new HashMap<>();
  private final Map<String, RiskState> risk = new HashMap<>();
  private long maxSeq;

  @Override
  public synchronized void initialize(long start, Map<PositionKey, BigDecimal> baseline) {
    if (startPoint != null) {
      return;
    }
    startPoint = start;
    baseline.forEach((k, v) -> put(leaderPositions, k, v));
  }

  @Override
  public synchronized Optional<RiskState> riskState(String follower) {
    return Optional.ofNullable(risk.get(follower));
  }

  @Override
  public synchronized void saveRiskState(String follower, RiskState state) {
    risk.put(follower, state);
  }

  @Override
  public synchronized OptionalLong startPoint() {
    return startPoint == null ? OptionalLong.empty() : OptionalLong.of(startPoint);
  }

  @Override
  public synchronized Map<PositionKey, BigDecimal> leaderPositions() {
    return Map.copyOf(leaderPositions);
  }

  @Override
  public synchronized long maxSeq() {
    return maxSeq;
  }

  @Override
  public synchronized boolean hasLeaderFill(String symbol, String tradeId) {
    return fills.containsKey(symbol + '|' + tradeId);
  }

  @Override
  public synchronized boolean recordLeaderFill(LeaderFillRow fill, List<CopyRecord> newCopies) {
    String key = fill.fill().symbol() + '|' + fill.fill().tradeId();
    if (fills.containsKey(key)) {
      return false;
    }
    for (CopyRecord c : newCopies) {
      if (copies.containsKey(c.clientOrderId())) {
        throw new IllegalStateException("copy " + c.clientOrderId() + " is already journaled");
      }
    }
    fills.put(key, fill);
    fillsPerSymbol.merge(fill.fill().symbol(), 1L, Long::sum);
    lastPrices.put(fill.fill().symbol(), fill.fill().price());
    maxSeq = Math.max(maxSeq, fill.seq());
    put(leaderPositions, fill.key(), fill.after());
    for (CopyRecord c : newCopies) {
      copies.put(c.clientOrderId(), c);
    }
    return true;
  }

  @Override
  public synchronized long watermark(String symbol) {
    Long w = watermarks.get(symbol);
    if (w != null) {
      return w;
    }
    return startPoint == null ? 0 : startPoint;
  }

  @Override
  public synchronized void advanceWatermark(String symbol, long time) {
    watermarks.merge(symbol, time, Math::max);
  }

  @Override
  public synchronized Set<String> knownSymbols() {
    Set<String> out = new TreeSet<>(fillsPerSymbol.keySet());
    leaderPositions.keySet().forEach(k -> out.add(k.symbol()));
    return out;
  }

  @Override
  public synchronized List<CopyRecord> unfinished() {
    List<CopyRecord> out = new ArrayList<>();
    for (CopyRecord c : copies.values()) {
      if (!c.status().isTerminal()) {
        out.add(c);
      }
    }
    out.sort(Comparator.comparingLong(CopyRecord::seq).thenComparingInt(CopyRecord::leg));
    return out;
  }

  @Override
  public synchronized void markIntended(
      CopyRecord intended, List<CopyRecord> merged, SlotTarget target) {
    markIntended(List.of(new Intent(intended, merged, target)));
  }

  @Override
  public synchronized void markIntended(List<Intent> intents) {
    for (Intent i : intents) { // all checked before anything is written: all or nothing
      require(i.intended().clientOrderId());
      for (CopyRecord m : i.merged()) {
        require(m.clientOrderId());
      }
    }
    for (Intent i : intents) {
      write(i.intended(), i.merged(), i.target());
    }
  }

  private void write(CopyRecord intended, List<CopyRecord> merged, SlotTarget target) {
    copies.put(intended.clientOrderId(), intended);
    for (CopyRecord m : merged) {
      copies.put(m.clientOrderId(), m);
    }
    put(slots(followerTargets, intended.follower()), target.slot(), target.amount());
  }

  @Override
  public synchronized boolean complete(CopyRecord done) {
    CopyRecord stored = require(done.clientOrderId());
    if (stored.status().isTerminal()) {
      return false;
    }
    copies.put(done.clientOrderId(), done);
    PositionKey key = new PositionKey(done.symbol(), done.leaderPositionSide());
    if (done.status() == CopyStatus.COPIED && done.executedQuantity().signum() != 0) {
      Map<PositionKey, BigDecimal> slots = slots(followerPositions, done.follower());
      put(
          slots,
          key,
          slots.getOrDefault(key, BigDecimal.ZERO).add(JournalStore.signedExecuted(done)));
    }
    Map<PositionKey, BigDecimal> targets = slots(followerTargets, done.follower());
    put(targets, key, Targets.afterCompletion(targets.getOrDefault(key, BigDecimal.ZERO), done));
    return true;
  }

  @Override
  public synchronized List<CopyRecord> skip(List<CopyRecord> skipped, @Nullable SlotTarget target) {
    for (CopyRecord r : skipped) {
      require(r.clientOrderId());
    }
    List<CopyRecord> written = new ArrayList<>();
    for (CopyRecord r : skipped) {
      if (complete(r)) {
        written.add(r);
      }
    }
    if (target != null && !skipped.isEmpty()) {
      put(slots(followerTargets, skipped.get(0).follower()), target.slot(), target.amount());
    }
    return written;
  }

  private static Map<PositionKey, BigDecimal> slots(
      Map<String, Map<PositionKey, BigDecimal>> byFollower, String follower) {
    return byFollower.computeIfAbsent(follower, f -> new HashMap<>());
  }

  @Override
  public synchronized Map<PositionKey, BigDecimal> followerPositions(String follower) {
    return Map.copyOf(followerPositions.getOrDefault(follower, Map.of()));
  }

  @Override
  public synchronized Map<PositionKey, BigDecimal> followerTargets(String follower) {
    return Map.copyOf(followerTargets.getOrDefault(follower, Map.of()));
  }

  @Override
  public synchronized Map<String, Map<PositionKey, BigDecimal>> allFollowerPositions() {
    return copyAll(followerPositions);
  }

  @Override
  public synchronized Map<String, Map<PositionKey, BigDecimal>> allFollowerTargets() {
    return copyAll(followerTargets);
  }

  private static Map<String, Map<PositionKey, BigDecimal>> copyAll(
      Map<String, Map<PositionKey, BigDecimal>> byFollower) {
    Map<String, Map<PositionKey, BigDecimal>> out = new HashMap<>();
    byFollower.forEach(
        (follower, slots) -> {
          if (!slots.isEmpty()) {
            out.put(follower, Map.copyOf(slots));
          }
        });
    return out;
  }

  @Override
  public synchronized void setFollowerPosition(
      String follower, PositionKey key, BigDecimal amount) {
    put(slots(followerPositions, follower), key, amount);
    put(slots(followerTargets, follower), key, amount);
  }

  @Override
  public synchronized Map<String, BigDecimal> lastLeaderPrices() {
    return Map.copyOf(lastPrices);
  }

  @Override
  public synchronized List<CopyRecord> recent(int limit) {
    return history(HistoryQuery.builder().limit(limit).build());
  }

  @Override
  public synchronized List<CopyRecord> history(HistoryQuery query) {
    return copies.values().stream()
        .filter(query::matches)
        .sorted(NEWEST_FIRST)
        .skip(query.offset())
        .limit(query.limit())
        .toList();
  }

  @Override
  public synchronized long count(HistoryQuery query) {
    return copies.values().stream().filter(query::matches).count();
  }

  @Override
  public synchronized Optional<CopyRecord> byClientOrderId(String clientOrderId) {
    return Optional.ofNullable(copies.get(clientOrderId));
  }

  @Override
  public synchronized List<SymbolStats> symbolStats() {
    Map<String, long[]> counts = new TreeMap<>();
    fillsPerSymbol.forEach((s, n) -> counts.computeIfAbsent(s, k -> new long[6])[0] = n);
    for (CopyRecord c : copies.values()) {
      long[] n = counts.computeIfAbsent(c.symbol(), k -> new long[6]);
      n[StatsColumns.column(c.status())]++;
    }
    List<SymbolStats> out = new ArrayList<>();
    counts.forEach((s, n) -> out.add(new SymbolStats(s, n[0], n[1], n[2], n[3], n[4], n[5])));
    return out;
  }

  @Override
  public synchronized BigDecimal targetPosition(
      String follower, String symbol, PositionSide leaderPositionSide) {
    return followerTargets
        .getOrDefault(follower, Map.of())
        .getOrDefault(new PositionKey(symbol, leaderPositionSide), BigDecimal.ZERO);
  }

  @Override
  public synchronized BigDecimal copiedPosition(
      String follower, String symbol, PositionSide leaderPositionSide) {
    return followerPositions
        .getOrDefault(follower, Map.of())
        .getOrDefault(new PositionKey(symbol, leaderPositionSide), BigDecimal.ZERO);
  }

  @Override
  public void exportCsv(HistoryQuery query, Appendable out) throws IOException {
    List<CopyRecord> rows;
    synchronized (this) {
      rows = copies.values().stream().filter(query::matches).sorted(NEWEST_FIRST).toList();
    }
    CsvExport.header(out);
    for (CopyRecord r : rows) {
      CsvExport.row(r, out);
    }
  }

  @Override
  public void close() {}

  private CopyRecord require(String clientOrderId) {
    CopyRecord stored = copies.get(clientOrderId);
    if (stored == null) {
      throw new IllegalStateException("copy " + clientOrderId + " is not journaled");
    }
    return stored;
  }

  private static void put(Map<PositionKey, BigDecimal> map, PositionKey key, BigDecimal value) {
    Objects.requireNonNull(value, "value");
    if (value.signum() == 0) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }
}
