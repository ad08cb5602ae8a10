package dev.tradekit.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The schema of {@link JdbcStore}: the two SQL dialects (SQLite, PostgreSQL), which differ only in
 * the binary and auto-increment column types, and the versioned migrations run at open.
 *
 * <pre>{@code
 * JdbcSchema.open(connection, JdbcSchema.Dialect.SQLITE); // pragmas, then pending migrations
 * }</pre>
 */
final class JdbcSchema {
  private JdbcSchema() {}

  enum Dialect {
    SQLITE("BLOB", "INTEGER PRIMARY KEY AUTOINCREMENT"),
    POSTGRES("BYTEA", "BIGSERIAL PRIMARY KEY");

    final String bytes;
    final String serial;

    Dialect(String bytes, String serial) {
      this.bytes = bytes;
      this.serial = serial;
    }
  }

  /** Versioned migrations; {@code $BYTES} and {@code $SERIAL} are replaced per dialect. */
  private static final String[][] MIGRATIONS = {
    {
      "CREATE TABLE users (id VARCHAR(64) PRIMARY KEY, name VARCHAR(200) NOT NULL UNIQUE,"
          + " role VARCHAR(16) NOT NULL, password_hash TEXT NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE TABLE refresh_tokens (hash VARCHAR(64) PRIMARY KEY, family VARCHAR(64) NOT NULL,"
          + " user_id VARCHAR(64) NOT NULL, expires_at BIGINT NOT NULL, used INTEGER NOT NULL,"
          + " revoked INTEGER NOT NULL)",
      "CREATE INDEX refresh_family ON refresh_tokens (family)",
      "CREATE TABLE audit (id $SERIAL, at BIGINT NOT NULL, user_id VARCHAR(64) NOT NULL,"
          + " user_name VARCHAR(200) NOT NULL, action VARCHAR(100) NOT NULL, target TEXT NOT NULL,"
          + " address VARCHAR(100) NOT NULL, outcome VARCHAR(100) NOT NULL)",
      "CREATE TABLE vault_meta (id INTEGER PRIMARY KEY, wrapped_data_key $BYTES NOT NULL,"
          + " salt $BYTES NOT NULL, version INTEGER NOT NULL)",
      "CREATE TABLE vault_keys (id VARCHAR(64) PRIMARY KEY, owner VARCHAR(64) NOT NULL,"
          + " exchange VARCHAR(64) NOT NULL, account VARCHAR(200) NOT NULL,"
          + " fingerprint VARCHAR(64) NOT NULL, nonce $BYTES NOT NULL,"
          + " ciphertext $BYTES NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE TABLE bots (id VARCHAR(64) PRIMARY KEY, owner VARCHAR(64) NOT NULL,"
          + " kind VARCHAR(32) NOT NULL, name VARCHAR(200) NOT NULL, config TEXT NOT NULL,"
          + " state VARCHAR(32) NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
      "CREATE TABLE events (id $SERIAL, owner VARCHAR(64) NOT NULL, type VARCHAR(64) NOT NULL,"
          + " data TEXT NOT NULL, at BIGINT NOT NULL)",
      "CREATE INDEX events_owner ON events (owner, id)"
    },
    {
      "CREATE TABLE notify_channels (user_id VARCHAR(64) NOT NULL, channel VARCHAR(32) NOT NULL,"
          + " address TEXT NOT NULL, kinds TEXT NOT NULL, min_severity VARCHAR(16) NOT NULL,"
          + " silent INTEGER NOT NULL, secret_id VARCHAR(64), updated_at BIGINT NOT NULL,"
          + " PRIMARY KEY (user_id, channel))"
    },
    {"ALTER TABLE notify_channels ADD COLUMN quiet_hours VARCHAR(100)"},
    {
      "CREATE TABLE jobs (id VARCHAR(64) PRIMARY KEY, owner VARCHAR(64) NOT NULL,"
          + " kind VARCHAR(16) NOT NULL, name VARCHAR(200) NOT NULL, request TEXT NOT NULL,"
          + " state VARCHAR(16) NOT NULL, progress DOUBLE PRECISION NOT NULL,"
          + " created_at BIGINT NOT NULL, started_at BIGINT NOT NULL, finished_at BIGINT NOT NULL,"
          + " summary TEXT, error TEXT)",
      "CREATE INDEX jobs_owner ON jobs (owner, created_at)",
      "CREATE TABLE job_results (id VARCHAR(64) PRIMARY KEY, result TEXT NOT NULL,"
          + " report TEXT NOT NULL)"
    },
    {
      "CREATE TABLE equity_samples (id $SERIAL, bot_id VARCHAR(64) NOT NULL, at BIGINT NOT NULL,"
          + " realised_pnl VARCHAR(64) NOT NULL, unrealised_pnl VARCHAR(64) NOT NULL,"
          + " fees VARCHAR(64) NOT NULL, position VARCHAR(64) NOT NULL)",
      "CREATE INDEX equity_bot ON equity_samples (bot_id, at)"
    }
  };

  /** Sets SQLite's pragmas (WAL, busy timeout, foreign keys) and runs pending migrations. */
  static void open(Connection connection, Dialect dialect) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA busy_timeout=10000");
        st.execute("PRAGMA foreign_keys=ON");
      }
    }
    migrate(connection, dialect);
  }

  /** The newest migration applied. */
  static int version(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static void migrate(Connection connection, Dialect dialect) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
              + " applied_at BIGINT NOT NULL)");
    }
    int current;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      current = rs.next() ? rs.getInt(1) : 0;
    }
    for (int v = current + 1; v <= MIGRATIONS.length; v++) {
      boolean auto = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        for (String sql : MIGRATIONS[v - 1]) {
          st.execute(sql.replace("$BYTES", dialect.bytes).replace("$SERIAL", dialect.serial));
        }
        try (PreparedStatement ps =
            connection.prepareStatement(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
          ps.setInt(1, v);
          ps.setLong(2, System.currentTimeMillis());
          ps.executeUpdate();
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(auto);
      }
    }
  }
}
