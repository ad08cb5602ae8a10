package dev.tradekit.copier.internal;

import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.CopyAction;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import dev.tradekit.copier.HistoryQuery;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Binds and reads the {@code copies} table's columns, and turns a {@link HistoryQuery} into a WHERE
 * clause with parameters.
 *
 * <pre>{@code
 * try (PreparedStatement ps = c.prepareStatement(SqlRows.INSERT_COPY)) { SqlRows.bindInsert(ps, r); }
 * }</pre>
 */
final class SqlRows {
  static final String COLUMNS =
      "client_order_id, follower, seq, leg, leader_trade_id, leader_order_id, symbol, action,"
          + " side, leader_position_side, position_side, status, quantity, price, reduce_only,"
          + " executed_quantity, average_price, order_id, reason, leader_price, leader_quantity,"
          + " leader_before, leader_after, leader_time, created_at, acked_at";

  static final String INSERT_COPY =
      "INSERT INTO copies ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String UPDATE_COPY =
      "UPDATE copies SET side = ?, position_side = ?, status = ?, quantity = ?, price = ?,"
          + " reduce_only = ?, executed_quantity = ?, average_price = ?, order_id = ?, reason = ?,"
          + " acked_at = ? WHERE client_order_id = ?";

  static final String ORDER_NEWEST_FIRST = " ORDER BY seq DESC, follower, leg";

  private SqlRows() {}

  static void bindInsert(PreparedStatement ps, CopyRecord r) throws SQLException {
    ps.setString(1, r.clientOrderId());
    ps.setString(2, r.follower());
    ps.setLong(3, r.seq());
    ps.setInt(4, r.leg());
    ps.setString(5, r.leaderTradeId());
    ps.setString(6, r.leaderOrderId());
    ps.setString(7, r.symbol());
    ps.setString(8, r.action().name());
    ps.setString(9, r.side().name());
    ps.setString(10, r.leaderPositionSide().name());
    setString(ps, 11, r.positionSide() == null ? null : r.positionSide().name());
    ps.setString(12, r.status().name());
    setString(ps, 13, Decimals.plainOrNull(r.quantity()));
    setString(ps, 14, Decimals.plainOrNull(r.price()));
    ps.setInt(15, r.reduceOnly() ? 1 : 0);
    ps.setString(16, Decimals.plain(r.executedQuantity()));
    setString(ps, 17, Decimals.plainOrNull(r.averagePrice()));
    setString(ps, 18, r.orderId());
    setString(ps, 19, r.reason());
    ps.setString(20, Decimals.plain(r.leaderPrice()));
    ps.setString(21, Decimals.plain(r.leaderQuantity()));
    ps.setString(22, Decimals.plain(r.leaderPositionBefore()));
    ps.setString(23, Decimals.plain(r.leaderPositionAfter()));
    ps.setLong(24, r.leaderTime());
    ps.setLong(25, r.createdAt());
    setLong(ps, 26, r.ackedAt());
  }

  /** Binds {@link #UPDATE_COPY}; returns the index of the next free parameter. */
  static int bindUpdate(PreparedStatement ps, CopyRecord r) throws SQLException {
    ps.setString(1, r.side().name());
    setString(ps, 2, r.positionSide() == null ? null : r.positionSide().name());
    ps.setString(3, r.status().name());
    setString(ps, 4, Decimals.plainOrNull(r.quantity()));
    setString(ps, 5, Decimals.plainOrNull(r.price()));
    ps.setInt(6, r.reduceOnly() ? 1 : 0);
    ps.setString(7, Decimals.plain(r.executedQuantity()));
    setString(ps, 8, Decimals.plainOrNull(r.averagePrice()));
    setString(ps, 9, r.orderId());
    setString(ps, 10, r.reason());
    setLong(ps, 11, r.ackedAt());
    ps.setString(12, r.clientOrderId());
    return 13;
  }

  static CopyRecord read(ResultSet rs) throws SQLException {
    String positionSide = rs.getString(11);
    long acked = rs.getLong(26);
    Long ackedAt = rs.wasNull() ? null : acked;
    return new CopyRecord(
        rs.getString(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getInt(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        CopyAction.valueOf(rs.getString(8)),
        Side.valueOf(rs.getString(9)),
        PositionSide.valueOf(rs.getString(10)),
        positionSide == null ? null : PositionSide.valueOf(positionSide),
        CopyStatus.valueOf(rs.getString(12)),
        Decimals.parseOrNull(rs.getString(13)),
        Decimals.parseOrNull(rs.getString(14)),
        rs.getInt(15) != 0,
        new BigDecimal(rs.getString(16)),
        Decimals.parseOrNull(rs.getString(17)),
        rs.getString(18),
        rs.getString(19),
        new BigDecimal(rs.getString(20)),
        new BigDecimal(rs.getString(21)),
        new BigDecimal(rs.getString(22)),
        new BigDecimal(rs.getString(23)),
        rs.getLong(24),
        rs.getLong(25),
        ackedAt);
  }

  /** A WHERE clause (possibly empty) for the query's filters, and its parameters in order. */
  record Where(String sql, List<Object> params) {
    void bind(PreparedStatement ps) throws SQLException {
      for (int i = 0; i < params.size(); i++) {
        Object p = params.get(i);
        if (p instanceof Long l) {
          ps.setLong(i + 1, l);
        } else {
          ps.setString(i + 1, (String) p);
        }
      }
    }
  }

  static Where where(HistoryQuery q) {
    List<String> clauses = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    add(clauses, params, "follower = ?", q.follower());
    add(clauses, params, "symbol = ?", q.symbol());
    add(clauses, params, "side = ?", q.side() == null ? null : q.side().name());
    add(clauses, params, "status = ?", q.status() == null ? null : q.status().name());
    add(clauses, params, "leader_time >= ?", q.fromTime());
    add(clauses, params, "leader_time < ?", q.toTime());
    return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
  }

  private static void add(
      List<String> clauses, List<Object> params, String clause, @Nullable Object value) {
    if (value != null) {
      clauses.add(clause);
      params.add(value);
    }
  }

  static void setString(PreparedStatement ps, int i, @Nullable String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  static void setLong(PreparedStatement ps, int i, @Nullable Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, Objects.requireNonNull(v));
    }
  }
}
