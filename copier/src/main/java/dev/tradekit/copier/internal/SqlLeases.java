package dev.tradekit.copier.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of {@link LeaseStore} over {@code copier_leases} and {@code copier_instances}, inside the
 * caller's transaction.
 *
 * <pre>{@code
 * OptionalLong epoch = SqlLeases.tryAcquire(c, "watcher", "node-a", now, now + 5_000);
 * }</pre>
 */
final class SqlLeases {
  private SqlLeases() {}

  static void heartbeat(Connection c, String instance, long now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE copier_instances SET heartbeat_at = ? WHERE instance = ?")) {
      ps.setLong(1, now);
      ps.setString(2, instance);
      if (ps.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO copier_instances (instance, heartbeat_at) VALUES (?, ?)")) {
      ps.setString(1, instance);
      ps.setLong(2, now);
      ps.executeUpdate();
    }
  }

  static void leave(Connection c, String instance) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM copier_instances WHERE instance = ?")) {
      ps.setString(1, instance);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE copier_leases SET owner = NULL, expires_at = 0 WHERE owner = ?")) {
      ps.setString(1, instance);
      ps.executeUpdate();
    }
  }

  static List<String> liveInstances(Connection c, long since) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT instance FROM copier_instances WHERE heartbeat_at >= ? ORDER BY instance")) {
      ps.setLong(1, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  static OptionalLong tryAcquire(
      Connection c, String lease, String instance, long now, long expiresAt, boolean lock)
      throws SQLException {
    // NOWAIT: a row locked by another instance's write (or by one stalled inside a transaction)
    // is not free now; waiting would block this instance's renewals behind a stalled process
    LeaseRow row = row(c, lease, lock ? " FOR UPDATE NOWAIT" : "");
    if (row == null) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO copier_leases (name, owner, epoch, expires_at) VALUES (?, ?, 1, ?)")) {
        ps.setString(1, lease);
        ps.setString(2, instance);
        ps.setLong(3, expiresAt);
        ps.executeUpdate();
      }
      return OptionalLong.of(1);
    }
    boolean mine = instance.equals(row.owner());
    if (!mine && row.owner() != null && row.expiresAt() >= now) {
      return OptionalLong.empty();
    }
    long epoch = mine ? row.epoch() : row.epoch() + 1;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE copier_leases SET owner = ?, epoch = ?, expires_at = ? WHERE name = ? AND"
                + " epoch = ?")) {
      ps.setString(1, instance);
      ps.setLong(2, epoch);
      ps.setLong(3, expiresAt);
      ps.setString(4, lease);
      ps.setLong(5, row.epoch());
      return ps.executeUpdate() == 1 ? OptionalLong.of(epoch) : OptionalLong.empty();
    }
  }

  static boolean renew(Connection c, String lease, String instance, long epoch, long expiresAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE copier_leases SET expires_at = ? WHERE name = ? AND owner = ? AND epoch = ?")) {
      ps.setLong(1, expiresAt);
      ps.setString(2, lease);
      ps.setString(3, instance);
      ps.setLong(4, epoch);
      return ps.executeUpdate() == 1;
    }
  }

  static void release(Connection c, String lease, String instance, long epoch) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE copier_leases SET owner = NULL, expires_at = 0 WHERE name = ? AND owner = ?"
                + " AND epoch = ?")) {
      ps.setString(1, lease);
      ps.setString(2, instance);
      ps.setLong(3, epoch);
      ps.executeUpdate();
    }
  }

  /**
   * PostgreSQL ends this session when it sits inside a transaction for {@code millis}: a process
   * stopped mid-write (SIGSTOP, a long GC pause) then loses its row locks, so the others can take
   * its leases over once they run out, instead of waiting for it forever.
   */
  static void endStalledTransactionsAfter(Connection c, long millis) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT set_config('idle_in_transaction_session_timeout', ?, false)")) {
      ps.setString(1, Long.toString(millis));
      ps.execute();
    }
  }

  static List<LeaseRow> all(Connection c) throws SQLException {
    List<LeaseRow> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT name, owner, epoch, expires_at FROM copier_leases ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new LeaseRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
      }
    }
    return out;
  }

  /**
   * Fails unless {@code instance} holds {@code lease} at {@code epoch}. With {@code lock} the row
   * stays share-locked until the transaction ends, so a takeover waits for the guarded write.
   */
  static void check(Connection c, String lease, String instance, @Nullable Long epoch, boolean lock)
      throws SQLException {
    if (epoch == null) {
      throw new LeaseLostException(lease, instance + " does not hold it");
    }
    LeaseRow row = row(c, lease, lock ? " FOR UPDATE" : "");
    if (row == null || !instance.equals(row.owner()) || row.epoch() != epoch) {
      throw new LeaseLostException(
          lease,
          row == null
              ? "no such lease"
              : "held by " + row.owner() + " at epoch " + row.epoch() + ", not epoch " + epoch);
    }
  }

  private static @Nullable LeaseRow row(Connection c, String lease, String locking)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT name, owner, epoch, expires_at FROM copier_leases WHERE name = ?" + locking)) {
      ps.setString(1, Objects.requireNonNull(lease));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new LeaseRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))
            : null;
      }
    }
  }
}
