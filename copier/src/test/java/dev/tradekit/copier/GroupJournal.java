package dev.tradekit.copier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Read-only SQL over a {@link ProcessGroup}'s journal schema: leases and their owners, live
 * instances, and copy rows, as the copier JVMs wrote them. Tables that the first instance has not
 * created yet read as empty.
 *
 * <pre>{@code
 * GroupJournal j = GroupJournal.create(url, Duration.ofSeconds(3));
 * Map<String, String> owners = j.owners(); // lease name -> instance
 * }</pre>
 */
final class GroupJournal implements AutoCloseable {
  /** One row of the {@code copies} table. */
  record CopyRow(
      String follower,
      String leaderTradeId,
      int leg,
      String status,
      @Nullable String clientOrderId,
      @Nullable String reason) {}

  private final Connection db;
  private final String schema = "procs" + Long.toString(System.nanoTime(), 36);
  private final Duration lease;

  private GroupJournal(Connection db, Duration lease) {
    this.db = db;
    this.lease = lease;
  }

  /** Connects to {@code url} and creates a fresh schema for one group. */
  static GroupJournal create(String url, Duration lease) throws SQLException {
    Connection db = DriverManager.getConnection(url);
    GroupJournal j = new GroupJournal(db, lease);
    try (Statement st = db.createStatement()) {
      st.execute("CREATE SCHEMA " + j.schema);
    }
    return j;
  }

  String schema() {
    return schema;
  }

  /** Lease name to owner, as the journal's lease table holds them. */
  Map<String, String> owners() {
    Map<String, String> out = new HashMap<>();
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT name, owner FROM " + schema + ".copier_leases WHERE owner IS NOT NULL")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      return Map.of();
    }
    return out;
  }

  /** Followers per owner. */
  Map<String, Integer> shares() {
    Map<String, Integer> n = new HashMap<>();
    owners()
        .forEach(
            (name, owner) -> {
              if (name.startsWith("follower:")) {
                n.merge(owner, 1, Integer::sum);
              }
            });
    return n;
  }

  /**
   * The instances whose heartbeat in the journal is younger than a lease (a woken instance whose
   * session PostgreSQL ended stays out).
   */
  Set<String> live() {
    Set<String> out = new HashSet<>();
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT instance FROM "
                    + schema
                    + ".copier_instances WHERE heartbeat_at >= "
                    + (System.currentTimeMillis() - lease.toMillis()))) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      return Set.of();
    }
    return out;
  }

  /**
   * The number of copy rows matching the SQL condition {@code where}; 0 before the table exists.
   */
  long countCopies(String where) {
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT COUNT(*) FROM " + schema + ".copies WHERE " + where)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return 0;
    }
  }

  /** The earliest acknowledgement time of a copy for one of {@code names} after {@code since}. */
  long firstCopyAfter(long since, Set<String> names) throws SQLException {
    long first = Long.MAX_VALUE;
    for (Map.Entry<String, Long> e :
        pairs(
            "SELECT follower, acked_at FROM "
                + schema
                + ".copies WHERE status = 'COPIED'"
                + " AND acked_at > "
                + since)) {
      if (names.contains(e.getKey())) {
        first = Math.min(first, e.getValue());
      }
    }
    return first;
  }

  /** Leader fill to follower acknowledgement of every copy made, millis. */
  List<Long> latencies() throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT acked_at - leader_time FROM "
                    + schema
                    + ".copies WHERE status = 'COPIED' AND acked_at IS NOT NULL")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  /** Copy rows matching the SQL condition {@code where} ({@code "TRUE"} for all). */
  List<CopyRow> copies(String where) throws SQLException {
    List<CopyRow> out = new ArrayList<>();
    try (Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT follower, leader_trade_id, leg, status, client_order_id, reason FROM "
                    + schema
                    + ".copies WHERE "
                    + where)) {
      while (rs.next()) {
        out.add(
            new CopyRow(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6)));
      }
    }
    return out;
  }

  private List<Map.Entry<String, Long>> pairs(String sql) throws SQLException {
    List<Map.Entry<String, Long>> out = new ArrayList<>();
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(Map.entry(rs.getString(1), rs.getLong(2)));
      }
    }
    return out;
  }

  /** Drops the schema and closes the connection. */
  @Override
  public void close() throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } finally {
      db.close();
    }
  }
}
