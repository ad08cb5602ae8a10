package dev.tradekit.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC plumbing the row classes of {@link JdbcStore} share: its one connection and the lock
 * that guards it (the store object's own monitor, so a caller holding the store holds every table),
 * with the statement helpers.
 *
 * <pre>{@code
 * Optional<Long> n = jdbc.one("SELECT COUNT(*) FROM users", ps -> {}, rs -> rs.getLong(1));
 * }</pre>
 */
final class Jdbc {
  private final Connection connection;
  private final Object lock;

  Jdbc(Connection connection, Object lock) {
    this.connection = connection;
    this.lock = lock;
  }

  static IllegalStateException failure(SQLException e) {
    return new IllegalStateException("control-plane store failure: " + e.getMessage(), e);
  }

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Runs {@code work} on the connection under the lock (statements no helper here covers). */
  <T> T withConnection(Store.TxWork<T> work) {
    synchronized (lock) {
      try {
        return work.run(connection);
      } catch (SQLException e) {
        throw failure(e);
      }
    }
  }

  /** Runs {@code work} under the lock, so several statements see no other writer between them. */
  void locked(Runnable work) {
    synchronized (lock) {
      work.run();
    }
  }

  int update(String sql, Binder binder) {
    synchronized (lock) {
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        binder.bind(ps);
        return ps.executeUpdate();
      } catch (SQLException e) {
        throw failure(e);
      }
    }
  }

  <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    synchronized (lock) {
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        binder.bind(ps);
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(mapper.map(rs));
          }
        }
        return out;
      } catch (SQLException e) {
        throw failure(e);
      }
    }
  }

  <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
    List<T> rows = query(sql, binder, mapper);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** See {@link Store#inTransaction}: a nested call joins the running transaction. */
  <T> T inTransaction(Store.TxWork<T> work) {
    synchronized (lock) {
      try {
        if (!connection.getAutoCommit()) {
          return work.run(connection); // nested: joins the running transaction
        }
        connection.setAutoCommit(false);
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (SQLException | RuntimeException | Error e) {
          connection.rollback();
          throw e;
        } finally {
          connection.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw failure(e);
      }
    }
  }

  void close() {
    synchronized (lock) {
      try {
        connection.close();
      } catch (SQLException e) {
        throw failure(e);
      }
    }
  }
}
