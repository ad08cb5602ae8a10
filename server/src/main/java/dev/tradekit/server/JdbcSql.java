package dev.tradekit.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC plumbing of {@link JdbcStore}: its one connection, guarded by the store's monitor, and
 * the statement helpers the table groups ({@link JdbcUserRows}, {@link JdbcBotRows}, {@link
 * JdbcJobRows}) use.
 */
abstract class JdbcSql implements Store {
  final Connection connection;

  JdbcSql(Connection connection) {
    this.connection = connection;
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

  final synchronized int update(String sql, Binder binder) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  final synchronized <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
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

  final <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
    List<T> rows = query(sql, binder, mapper);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  @Override
  public synchronized <T> T inTransaction(TxWork<T> work) {
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

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure(e);
    }
  }
}
