package dev.tradekit.copier.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes a follower's {@link RiskState} in the {@code follower_risk} table, inside the
 * caller's transaction; decimals are stored as exact text, the upsert is an update then an insert
 * (portable SQL).
 *
 * <pre>{@code
 * SqlRisk.put(connection, "alice", guard.state());
 * Optional<RiskState> s = SqlRisk.get(connection, "alice");
 * }</pre>
 */
final class SqlRisk {
  private SqlRisk() {}

  static Optional<RiskState> get(Connection connection, String follower) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT risk_day, day_start, peak, paused_reason FROM follower_risk WHERE follower"
                + " = ?")) {
      ps.setString(1, follower);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new RiskState(
                rs.getLong(1),
                decimal(rs.getString(2)),
                decimal(rs.getString(3)),
                rs.getString(4)));
      }
    }
  }

  static void put(Connection connection, String follower, RiskState s) throws SQLException {
    try (PreparedStatement up =
        connection.prepareStatement(
            "UPDATE follower_risk SET risk_day = ?, day_start = ?, peak = ?, paused_reason = ?"
                + " WHERE follower = ?")) {
      bind(up, s);
      up.setString(5, follower);
      if (up.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement ins =
        connection.prepareStatement(
            "INSERT INTO follower_risk (risk_day, day_start, peak, paused_reason, follower) VALUES"
                + " (?, ?, ?, ?, ?)")) {
      bind(ins, s);
      ins.setString(5, follower);
      ins.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, RiskState s) throws SQLException {
    ps.setLong(1, s.day());
    SqlRows.setString(ps, 2, Decimals.plainOrNull(s.dayStart()));
    SqlRows.setString(ps, 3, Decimals.plainOrNull(s.peak()));
    SqlRows.setString(ps, 4, s.pausedReason());
  }

  private static @Nullable BigDecimal decimal(@Nullable String text) {
    return text == null ? null : new BigDecimal(text);
  }
}
