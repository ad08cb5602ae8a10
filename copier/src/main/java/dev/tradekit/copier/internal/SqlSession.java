package dev.tradekit.copier.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One JDBC connection and how work runs on it: each unit of work is one transaction, committed when
 * it returns and rolled back when it throws. Not thread-safe: its owner holds a lock around every
 * call.
 *
 * <pre>{@code
 * SqlSession s = new SqlSession(connection);
 * long n = s.tx("count copies", () -> SqlReads.count(s.connection(), query));
 * }</pre>
 *
 * <p>A database failure surfaces as an {@link IllegalStateException} whose message names the
 * operation and whose cause is the {@link SQLException}; any other exception (a refused lease
 * check) rolls back and propagates unchanged.
 */
final class SqlSession {
  private final Connection connection;
  private boolean closed;

  SqlSession(Connection connection) {
    this.connection = connection;
  }

  /** The connection, for the work run inside {@link #tx}. */
  Connection connection() {
    return connection;
  }

  /** A unit of JDBC work. */
  interface Work<T> {
    T run() throws SQLException;
  }

  /** A unit of JDBC work without a result. */
  interface VoidWork {
    void run() throws SQLException;
  }

  /** Runs {@code work} as one transaction. */
  void tx(String what, VoidWork work) {
    tx(
        what,
        () -> {
          work.run();
          return Boolean.TRUE;
        });
  }

  /** Runs {@code work} as one transaction and returns its result. */
  <T> T tx(String what, Work<T> work) {
    if (closed) {
      throw new IllegalStateException("journal: cannot " + what + ": the journal is closed");
    }
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw new IllegalStateException("journal: cannot " + what + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      try {
        connection.rollback(); // a refused lease check: nothing of the write is kept
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }

  /** Closes the connection once; later work fails with "the journal is closed". */
  void close() {
    if (!closed) {
      closed = true;
      closeQuietly();
    }
  }

  /** Closes the connection, ignoring a failure (it is unusable either way). */
  void closeQuietly() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing is best effort; the connection is unusable either way
    }
  }
}
