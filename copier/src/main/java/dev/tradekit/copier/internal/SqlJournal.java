package dev.tradekit.copier.internal;

import dev.tradekit.api.model.PositionSide;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import dev.tradekit.copier.HistoryQuery;
import dev.tradekit.copier.SymbolStats;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A journal in a SQL database over one JDBC connection (SQLite by default; the SQL also runs on
 * PostgreSQL). Every write is one transaction; every method is synchronized.
 *
 * <pre>{@code
 * JournalStore j = new SqlJournal(DriverManager.getConnection("jdbc:sqlite:copier.db"));
 * }</pre>
 *
 * <p>A database failure surfaces as an {@link IllegalStateException} whose message names the
 * operation and whose cause is the {@link SQLException}.
 */
public final class SqlJournal implements JournalStore {
  private static final String START_POINT = "start_point";
  private static final String WATERMARK = "watermark:";
  private static final String POSITIONS = "follower_positions";
  private static final String TARGETS = "follower_targets";

  private final SqlSession session;
  private final Connection connection;
  private final SqlLeaseStore leases;
  private final SqlMeta meta;

  /** False only on a journal held at a schema before targets (upgrade tests). */
  private final boolean targets;

  private final boolean postgres;
  private @Nullable Fence fence;

  /**
   * Takes ownership of {@code connection}, applies the dialect's settings and migrates the schema.
   *
   * @throws IllegalStateException when the schema cannot be migrated
   */
  public SqlJournal(Connection connection) {
    this(connection, SqlSchema.latestVersion());
  }

  /** As {@link #SqlJournal(Connection)}, but migrates only up to {@code schemaVersion} (tests). */
  SqlJournal(Connection connection, int schemaVersion) {
    this.session = new SqlSession(connection);
    this.connection = connection;
    int version;
    SqlSchema.Dialect dialect;
    try {
      dialect = SqlSchema.dialectOf(connection);
      version = SqlSchema.migrate(connection, dialect, schemaVersion);
    } catch (SQLException e) {
      session.closeQuietly();
      throw new IllegalStateException("journal: cannot prepare the schema: " + e.getMessage(), e);
    }
    this.meta = new SqlMeta(connection);
    this.targets = version >= 3;
    this.postgres = dialect == SqlSchema.Dialect.POSTGRESQL;
    this.leases = new SqlLeaseStore(this, session, postgres);
  }

  /**
   * The group's leases in this journal's database, over its connection and under its lock, so that
   * a lease check and the write it guards never interleave with another call.
   */
  public LeaseStore leaseStore() {
    return leases;
  }

  /** Whether the database is PostgreSQL (the only one several copier instances may share). */
  public boolean isPostgres() {
    return postgres;
  }

  /**
   * From now on every write for a follower needs {@code fence}'s lease on it, and every leader fill
   * and watermark the watcher lease, checked in the same transaction as the write.
   */
  public synchronized void fence(Fence fence) {
    this.fence = fence;
  }

  /**
   * On PostgreSQL, has the server end this journal's session once it sits inside a transaction for
   * {@code millis}, so that a process stopped in the middle of a write (SIGSTOP, a long GC pause)
   * cannot hold its lease rows locked past its lease; such a process finds its connection closed
   * when it wakes and every later journal call fails. Use the lease period. A no-op on SQLite.
   */
  public synchronized void endStalledTransactionsAfter(long millis) {
    if (postgres) {
      tx(
          "limit stalled transactions",
          () -> SqlLeases.endStalledTransactionsAfter(connection, millis));
    }
  }

  /** Fails with {@link LeaseLostException} unless this instance holds {@code lease} now. */
  private void guard(String lease) throws SQLException {
    Fence f = fence;
    if (f != null) {
      SqlLeases.check(connection, lease, f.instance(), f.epoch(lease), postgres);
    }
  }

  /** The schema version of the database. */
  public synchronized int schemaVersion() {
    return call("read the schema version", () -> SqlSchema.currentVersion(connection));
  }

  @Override
  public synchronized void initialize(long startPoint, Map<PositionKey, BigDecimal> baseline) {
    tx(
        "initialize",
        () -> {
          if (meta.get(START_POINT) != null) {
            return;
          }
          meta.put(START_POINT, Long.toString(startPoint));
          for (Map.Entry<PositionKey, BigDecimal> e : baseline.entrySet()) {
            SqlPositions.set(connection, "leader_positions", null, e.getKey(), e.getValue());
          }
        });
  }

  @Override
  public synchronized OptionalLong startPoint() {
    Optional<String> v =
        call("read the start point", () -> Optional.ofNullable(meta.get(START_POINT)));
    return v.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v.get()));
  }

  @Override
  public synchronized Map<PositionKey, BigDecimal> leaderPositions() {
    return call(
        "read leader positions", () -> SqlPositions.all(connection, "leader_positions", null));
  }

  @Override
  public synchronized long maxSeq() {
    return call(
        "read the last sequence number",
        () -> {
          try (PreparedStatement ps =
                  connection.prepareStatement("SELECT MAX(seq) FROM leader_fills");
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
  }

  @Override
  public synchronized boolean hasLeaderFill(String symbol, String tradeId) {
    return call("look up a leader fill", () -> fillExists(symbol, tradeId));
  }

  private boolean fillExists(String symbol, String tradeId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT 1 FROM leader_fills WHERE symbol = ? AND trade_id = ?")) {
      ps.setString(1, symbol);
      ps.setString(2, tradeId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public synchronized boolean recordLeaderFill(LeaderFillRow row, List<CopyRecord> copies) {
    return tx(
        "record a leader fill",
        () -> {
          guard(Fence.WATCHER);
          if (fillExists(row.fill().symbol(), row.fill().tradeId())) {
            return false;
          }
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO leader_fills (symbol, trade_id, seq, order_id, side, position_side,"
                      + " price, quantity, fill_time, action, position_before, position_after,"
                      + " detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, row.fill().symbol());
            ps.setString(2, row.fill().tradeId());
            ps.setLong(3, row.seq());
            ps.setString(4, row.fill().orderId());
            ps.setString(5, row.fill().side().name());
            ps.setString(6, row.fill().positionSide().name());
            ps.setString(7, Decimals.plain(row.fill().price()));
            ps.setString(8, Decimals.plain(row.fill().quantity()));
            ps.setLong(9, row.fill().time());
            ps.setString(10, row.action().name());
            ps.setString(11, Decimals.plain(row.before()));
            ps.setString(12, Decimals.plain(row.after()));
            ps.setLong(13, row.detectedAt());
            ps.executeUpdate();
          }
          SqlPositions.set(connection, "leader_positions", null, row.key(), row.after());
          try (PreparedStatement ps = connection.prepareStatement(SqlRows.INSERT_COPY)) {
            for (CopyRecord c : copies) {
              SqlRows.bindInsert(ps, c);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return true;
        });
  }

  @Override
  public synchronized long watermark(String symbol) {
    Optional<String> v =
        call("read a watermark", () -> Optional.ofNullable(meta.get(WATERMARK + symbol)));
    if (v.isPresent()) {
      return Long.parseLong(v.get());
    }
    return startPoint().orElse(0);
  }

  @Override
  public synchronized void advanceWatermark(String symbol, long time) {
    tx(
        "advance a watermark",
        () -> {
          guard(Fence.WATCHER);
          String old = meta.get(WATERMARK + symbol);
          if (old == null || Long.parseLong(old) < time) {
            meta.put(WATERMARK + symbol, Long.toString(time));
          }
        });
  }

  @Override
  public synchronized Set<String> knownSymbols() {
    return call(
        "read symbols",
        () -> {
          Set<String> out = new TreeSet<>();
          try (PreparedStatement ps =
                  connection.prepareStatement(
                      "SELECT DISTINCT symbol FROM leader_fills UNION SELECT DISTINCT symbol FROM"
                          + " leader_positions");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  @Override
  public synchronized List<CopyRecord> unfinished() {
    return call("read unfinished copies", () -> SqlReads.unfinished(connection));
  }

  @Override
  public synchronized void markIntended(
      CopyRecord intended, List<CopyRecord> merged, SlotTarget target) {
    markIntended(List.of(new Intent(intended, merged, target)));
  }

  @Override
  public synchronized void markIntended(List<Intent> intents) {
    if (intents.isEmpty()) {
      return;
    }
    tx(
        intents.size() == 1
            ? "mark a copy intended"
            : "mark " + intents.size() + " copies intended",
        () -> {
          Set<String> guarded = new HashSet<>();
          for (Intent i : intents) {
            if (guarded.add(i.intended().follower())) {
              guard(Fence.follower(i.intended().follower()));
            }
          }
          try (PreparedStatement ps = connection.prepareStatement(SqlRows.UPDATE_COPY)) {
            for (Intent i : intents) {
              update(ps, i.intended());
              for (CopyRecord m : i.merged()) {
                update(ps, m);
              }
            }
          }
          if (targets) {
            List<SqlPositions.Owned> slots = new ArrayList<>(intents.size());
            for (Intent i : intents) {
              slots.add(
                  new SqlPositions.Owned(
                      i.intended().follower(), i.target().slot(), i.target().amount()));
            }
            SqlPositions.setAll(connection, TARGETS, slots);
          }
        });
  }

  /** Updates a journaled copy with {@code ps} ({@link SqlRows#UPDATE_COPY}); it must exist. */
  private static void update(PreparedStatement ps, CopyRecord r) throws SQLException {
    SqlRows.bindUpdate(ps, r);
    if (ps.executeUpdate() == 0) {
      throw new SQLException("copy " + r.clientOrderId() + " is not journaled");
    }
  }

  @Override
  public synchronized boolean complete(CopyRecord done) {
    return tx(
        "complete a copy",
        () -> {
          guard(Fence.follower(done.follower()));
          return completeInTx(done);
        });
  }

  private boolean completeInTx(CopyRecord done) throws SQLException {
    if (!update(done, true)) {
      return false;
    }
    PositionKey key = new PositionKey(done.symbol(), done.leaderPositionSide());
    if (done.status() == CopyStatus.COPIED && done.executedQuantity().signum() != 0) {
      BigDecimal old = SqlPositions.get(connection, POSITIONS, done.follower(), key);
      SqlPositions.set(
          connection, POSITIONS, done.follower(), key, old.add(JournalStore.signedExecuted(done)));
    }
    if (targets) {
      BigDecimal target = SqlPositions.get(connection, TARGETS, done.follower(), key);
      BigDecimal after = Targets.afterCompletion(target, done);
      if (after.compareTo(target) != 0) {
        SqlPositions.set(connection, TARGETS, done.follower(), key, after);
      }
    }
    return true;
  }

  @Override
  public synchronized List<CopyRecord> skip(List<CopyRecord> skipped, @Nullable SlotTarget target) {
    return tx(
        "skip copies",
        () -> {
          if (!skipped.isEmpty()) {
            guard(Fence.follower(skipped.get(0).follower()));
          }
          List<CopyRecord> written = new ArrayList<>();
          for (CopyRecord r : skipped) {
            if (completeInTx(r)) {
              written.add(r);
            }
          }
          if (targets && target != null && !skipped.isEmpty()) {
            SqlPositions.set(
                connection, TARGETS, skipped.get(0).follower(), target.slot(), target.amount());
          }
          return written;
        });
  }

  private boolean update(CopyRecord r, boolean onlyIfOpen) throws SQLException {
    String sql = SqlRows.UPDATE_COPY + (onlyIfOpen ? " AND status IN ('PENDING', 'INTENDED')" : "");
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      SqlRows.bindUpdate(ps, r);
      int n = ps.executeUpdate();
      if (n == 0 && !onlyIfOpen) {
        throw new SQLException("copy " + r.clientOrderId() + " is not journaled");
      }
      return n > 0;
    }
  }

  @Override
  public synchronized Map<PositionKey, BigDecimal> followerPositions(String follower) {
    return call("read follower positions", () -> SqlPositions.all(connection, POSITIONS, follower));
  }

  @Override
  public synchronized Map<PositionKey, BigDecimal> followerTargets(String follower) {
    return call("read follower targets", () -> SqlPositions.all(connection, TARGETS, follower));
  }

  @Override
  public synchronized Map<String, Map<PositionKey, BigDecimal>> allFollowerPositions() {
    return call(
        "read every follower's positions", () -> SqlPositions.byFollower(connection, POSITIONS));
  }

  @Override
  public synchronized Map<String, Map<PositionKey, BigDecimal>> allFollowerTargets() {
    return call(
        "read every follower's targets", () -> SqlPositions.byFollower(connection, TARGETS));
  }

  @Override
  public synchronized void setFollowerPosition(
      String follower, PositionKey key, BigDecimal amount) {
    tx(
        "set a follower position",
        () -> {
          guard(Fence.follower(follower));
          SqlPositions.set(connection, POSITIONS, follower, key, amount);
          if (targets) {
            SqlPositions.set(connection, TARGETS, follower, key, amount);
          }
        });
  }

  @Override
  public synchronized Optional<RiskState> riskState(String follower) {
    return call("read the risk state", () -> SqlRisk.get(connection, follower));
  }

  @Override
  public synchronized void saveRiskState(String follower, RiskState state) {
    tx(
        "store the risk state",
        () -> {
          guard(Fence.follower(follower));
          SqlRisk.put(connection, follower, state);
        });
  }

  @Override
  public synchronized Map<String, BigDecimal> lastLeaderPrices() {
    return call("read last leader prices", () -> SqlReads.lastLeaderPrices(connection));
  }

  @Override
  public synchronized List<CopyRecord> recent(int limit) {
    return history(HistoryQuery.builder().limit(limit).build());
  }

  @Override
  public synchronized List<CopyRecord> history(HistoryQuery q) {
    return call("query history", () -> SqlReads.history(connection, q));
  }

  @Override
  public synchronized long count(HistoryQuery q) {
    return call("count history", () -> SqlReads.count(connection, q));
  }

  @Override
  public synchronized Optional<CopyRecord> byClientOrderId(String clientOrderId) {
    return call("look up a copy", () -> SqlReads.byClientOrderId(connection, clientOrderId))
        .stream()
        .findFirst();
  }

  @Override
  public synchronized List<SymbolStats> symbolStats() {
    return call("compute symbol stats", () -> SqlReads.symbolStats(connection));
  }

  @Override
  public synchronized BigDecimal targetPosition(
      String follower, String symbol, PositionSide leaderPositionSide) {
    return call(
        "read a target position",
        () ->
            SqlPositions.get(
                connection, TARGETS, follower, new PositionKey(symbol, leaderPositionSide)));
  }

  @Override
  public synchronized BigDecimal copiedPosition(
      String follower, String symbol, PositionSide leaderPositionSide) {
    return call(
        "read a copied position",
        () ->
            SqlPositions.get(
                connection, POSITIONS, follower, new PositionKey(symbol, leaderPositionSide)));
  }

  @Override
  public void exportCsv(HistoryQuery query, Appendable out) throws IOException {
    CsvExport.header(out);
    HistoryQuery page =
        new HistoryQuery(
            query.follower(),
            query.symbol(),
            query.side(),
            query.status(),
            query.fromTime(),
            query.toTime(),
            0,
            1000);
    while (true) {
      List<CopyRecord> rows = history(page);
      for (CopyRecord r : rows) {
        CsvExport.row(r, out);
      }
      if (rows.size() < page.limit()) {
        return;
      }
      page = page.nextPage();
    }
  }

  @Override
  public synchronized void close() {
    session.close();
  }

  private <T> T call(String what, SqlSession.Work<T> work) {
    return session.tx(what, work);
  }

  private void tx(String what, SqlSession.VoidWork work) {
    session.tx(what, work);
  }

  private <T> T tx(String what, SqlSession.Work<T> work) {
    return session.tx(what, work);
  }
}
