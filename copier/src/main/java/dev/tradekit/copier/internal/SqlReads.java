package dev.tradekit.copier.internal;

import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import dev.tradekit.copier.HistoryQuery;
import dev.tradekit.copier.SymbolStats;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal's read queries over the {@code copies} and {@code leader_fills} tables, run inside
 * the caller's transaction.
 *
 * <pre>{@code
 * List<CopyRecord> page = SqlReads.history(connection, query);
 * }</pre>
 */
final class SqlReads {
  private SqlReads() {}

  static List<CopyRecord> unfinished(Connection c) throws SQLException {
    return select(
        c,
        "SELECT "
            + SqlRows.COLUMNS
            + " FROM copies WHERE status IN ('PENDING', 'INTENDED') ORDER BY seq, leg, follower",
        new SqlRows.Where("", List.of()));
  }

  static List<CopyRecord> history(Connection c, HistoryQuery q) throws SQLException {
    SqlRows.Where where = SqlRows.where(q);
    return select(
        c,
        "SELECT "
            + SqlRows.COLUMNS
            + " FROM copies"
            + where.sql()
            + SqlRows.ORDER_NEWEST_FIRST
            + " LIMIT "
            + q.limit()
            + " OFFSET "
            + q.offset(),
        where);
  }

  static long count(Connection c, HistoryQuery q) throws SQLException {
    SqlRows.Where where = SqlRows.where(q);
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM copies" + where.sql())) {
      where.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    }
  }

  static List<CopyRecord> byClientOrderId(Connection c, String id) throws SQLException {
    return select(
        c,
        "SELECT " + SqlRows.COLUMNS + " FROM copies WHERE client_order_id = ?",
        new SqlRows.Where("", List.of(id)));
  }

  static List<SymbolStats> symbolStats(Connection c) throws SQLException {
    Map<String, long[]> counts = new TreeMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT symbol, COUNT(*) FROM leader_fills GROUP BY symbol");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.computeIfAbsent(rs.getString(1), k -> new long[6])[0] = rs.getLong(2);
      }
    }
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT symbol, status, COUNT(*) FROM copies GROUP BY symbol, status");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long[] n = counts.computeIfAbsent(rs.getString(1), k -> new long[6]);
        n[StatsColumns.column(CopyStatus.valueOf(rs.getString(2)))] += rs.getLong(3);
      }
    }
    List<SymbolStats> out = new ArrayList<>();
    counts.forEach((s, n) -> out.add(new SymbolStats(s, n[0], n[1], n[2], n[3], n[4], n[5])));
    return out;
  }

  static Map<String, BigDecimal> lastLeaderPrices(Connection c) throws SQLException {
    Map<String, BigDecimal> out = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT f.symbol, f.price FROM leader_fills f WHERE f.seq = (SELECT MAX(g.seq)"
                    + " FROM leader_fills g WHERE g.symbol = f.symbol)");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), new BigDecimal(rs.getString(2)));
      }
    }
    return out;
  }

  private static List<CopyRecord> select(Connection c, String sql, SqlRows.Where where)
      throws SQLException {
    List<CopyRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      where.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(SqlRows.read(rs));
        }
      }
    }
    return out;
  }
}
