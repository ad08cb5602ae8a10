package dev.tradekit.copier.internal;

import dev.tradekit.api.model.PositionSide;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes position slots in {@code leader_positions} (no owner) and {@code
 * follower_positions} (owned by a follower) inside the caller's transaction; a zero amount deletes
 * the row.
 *
 * <pre>{@code
 * SqlPositions.set(c, "follower_positions", "alice", key, amount);
 * }</pre>
 */
final class SqlPositions {
  private SqlPositions() {}

  static BigDecimal get(Connection c, String table, @Nullable String owner, PositionKey key)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT amount FROM "
                + table
                + " WHERE symbol = ? AND position_side = ?"
                + (owner == null ? "" : " AND follower = ?"))) {
      bindKey(ps, key, owner);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new BigDecimal(rs.getString(1)) : BigDecimal.ZERO;
      }
    }
  }

  static Map<PositionKey, BigDecimal> all(Connection c, String table, @Nullable String owner)
      throws SQLException {
    Map<PositionKey, BigDecimal> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT symbol, position_side, amount FROM "
                + table
                + (owner == null ? "" : " WHERE follower = ?"))) {
      if (owner != null) {
        ps.setString(1, owner);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              new PositionKey(rs.getString(1), PositionSide.valueOf(rs.getString(2))),
              new BigDecimal(rs.getString(3)));
        }
      }
    }
    return out;
  }

  static void set(
      Connection c, String table, @Nullable String owner, PositionKey key, BigDecimal amount)
      throws SQLException {
    String match =
        " WHERE symbol = ? AND position_side = ?" + (owner == null ? "" : " AND follower = ?");
    if (amount.signum() == 0) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + match)) {
        bindKey(ps, key, owner);
        ps.executeUpdate();
      }
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET amount = ?" + match)) {
      ps.setString(1, Decimals.plain(amount));
      ps.setString(2, key.symbol());
      ps.setString(3, key.side().name());
      if (owner != null) {
        ps.setString(4, owner);
      }
      if (ps.executeUpdate() > 0) {
        return;
      }
    }
    String columns =
        owner == null ? "symbol, position_side, amount" : "symbol, position_side, amount, follower";
    String values = owner == null ? "?, ?, ?" : "?, ?, ?, ?";
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")")) {
      ps.setString(1, key.symbol());
      ps.setString(2, key.side().name());
      ps.setString(3, Decimals.plain(amount));
      if (owner != null) {
        ps.setString(4, owner);
      }
      ps.executeUpdate();
    }
  }

  private static void bindKey(PreparedStatement ps, PositionKey key, @Nullable String owner)
      throws SQLException {
    ps.setString(1, key.symbol());
    ps.setString(2, key.side().name());
    if (owner != null) {
      ps.setString(3, owner);
    }
  }
}
