package dev.tradekit.copier.internal;

import dev.tradekit.api.model.PositionSide;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
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

  /** Every owner's slots of {@code table} (a follower table), by follower then slot. */
  static Map<String, Map<PositionKey, BigDecimal>> byFollower(Connection c, String table)
      throws SQLException {
    Map<String, Map<PositionKey, BigDecimal>> out = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT follower, symbol, position_side, amount FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), f -> new HashMap<>())
            .put(
                new PositionKey(rs.getString(2), PositionSide.valueOf(rs.getString(3))),
                new BigDecimal(rs.getString(4)));
      }
    }
    return out;
  }

  /**
   * {@link #set} for each of {@code targets} (slots of followers in a follower table), with one
   * prepared statement per kind of write for all of them: one leader fill's targets for every
   * follower in a single pass.
   */
  static void setAll(Connection c, String table, List<Owned> targets) throws SQLException {
    String match = " WHERE symbol = ? AND position_side = ? AND follower = ?";
    // each statement prepared once, when first needed
    PreparedStatement delete = null;
    PreparedStatement update = null;
    PreparedStatement insert = null;
    try {
      for (Owned t : targets) {
        if (t.amount().signum() == 0) {
          if (delete == null) {
            delete = c.prepareStatement("DELETE FROM " + table + match);
          }
          bindKey(delete, t.key(), t.owner());
          delete.executeUpdate();
          continue;
        }
        if (update == null) {
          update = c.prepareStatement("UPDATE " + table + " SET amount = ?" + match);
        }
        update.setString(1, Decimals.plain(t.amount()));
        update.setString(2, t.key().symbol());
        update.setString(3, t.key().side().name());
        update.setString(4, t.owner());
        if (update.executeUpdate() > 0) {
          continue;
        }
        if (insert == null) {
          insert =
              c.prepareStatement(
                  "INSERT INTO "
                      + table
                      + " (symbol, position_side, amount, follower) VALUES (?, ?, ?, ?)");
        }
        insert.setString(1, t.key().symbol());
        insert.setString(2, t.key().side().name());
        insert.setString(3, Decimals.plain(t.amount()));
        insert.setString(4, t.owner());
        insert.executeUpdate();
      }
    } finally {
      closeAll(delete, update, insert);
    }
  }

  private static void closeAll(@Nullable PreparedStatement... statements) throws SQLException {
    for (PreparedStatement ps : statements) {
      if (ps != null) {
        ps.close();
      }
    }
  }

  /** A follower's slot and the amount to store in it. */
  record Owned(String owner, PositionKey key, BigDecimal amount) {}

  static void set(
      Connection c, String table, @Nullable String owner, PositionKey key, BigDecimal amount)
      throws SQLException {
    if (owner != null) {
      setAll(c, table, List.of(new Owned(owner, key, amount)));
      return;
    }
    String match = " WHERE symbol = ? AND position_side = ?";
    if (amount.signum() == 0) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + match)) {
        bindKey(ps, key, null);
        ps.executeUpdate();
      }
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET amount = ?" + match)) {
      ps.setString(1, Decimals.plain(amount));
      ps.setString(2, key.symbol());
      ps.setString(3, key.side().name());
      if (ps.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO " + table + " (symbol, position_side, amount) VALUES (?, ?, ?)")) {
      ps.setString(1, key.symbol());
      ps.setString(2, key.side().name());
      ps.setString(3, Decimals.plain(amount));
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
