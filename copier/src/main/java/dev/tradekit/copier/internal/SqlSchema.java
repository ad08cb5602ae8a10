package dev.tradekit.copier.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The journal's tables and their versioned migrations, in SQL that runs on SQLite and PostgreSQL:
 * standard types only (decimals are stored as exact text), no vendor syntax; the SQLite pragmas are
 * applied only on SQLite.
 *
 * <pre>{@code
 * SqlSchema.Dialect dialect = SqlSchema.dialectOf(connection);
 * SqlSchema.migrate(connection, dialect);
 * }</pre>
 */
public final class SqlSchema {

  /** The database the SQL runs on; decides only the connection pragmas. */
  public enum Dialect {
    SQLITE,
    POSTGRESQL,
    OTHER
  }

  /** One migration: its version, what it does, and its statements. */
  record Migration(int version, String description, List<String> statements) {}

  static final List<Migration> MIGRATIONS =
      List.of(
          new Migration(
              1,
              "leader fills, leader positions, copies, follower positions, meta",
              List.of(
                  "CREATE TABLE copier_meta (meta_key VARCHAR(100) NOT NULL PRIMARY KEY,"
                      + " meta_value VARCHAR(100) NOT NULL)",
                  "CREATE TABLE leader_fills (symbol VARCHAR(40) NOT NULL, trade_id VARCHAR(64) NOT"
                      + " NULL, seq BIGINT NOT NULL, order_id VARCHAR(64) NOT NULL, side VARCHAR(4)"
                      + " NOT NULL, position_side VARCHAR(5) NOT NULL, price VARCHAR(48) NOT NULL,"
                      + " quantity VARCHAR(48) NOT NULL, fill_time BIGINT NOT NULL, action"
                      + " VARCHAR(8) NOT NULL, position_before VARCHAR(48) NOT NULL, position_after"
                      + " VARCHAR(48) NOT NULL, detected_at BIGINT NOT NULL, PRIMARY KEY (symbol,"
                      + " trade_id), UNIQUE (seq))",
                  "CREATE TABLE leader_positions (symbol VARCHAR(40) NOT NULL, position_side"
                      + " VARCHAR(5) NOT NULL, amount VARCHAR(48) NOT NULL, PRIMARY KEY (symbol,"
                      + " position_side))",
                  "CREATE TABLE copies (client_order_id VARCHAR(36) NOT NULL PRIMARY KEY, follower"
                      + " VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, leg SMALLINT NOT NULL,"
                      + " leader_trade_id VARCHAR(64) NOT NULL, leader_order_id VARCHAR(64) NOT"
                      + " NULL, symbol VARCHAR(40) NOT NULL, action VARCHAR(8) NOT NULL, side"
                      + " VARCHAR(4) NOT NULL, leader_position_side VARCHAR(5) NOT NULL,"
                      + " position_side VARCHAR(5), status VARCHAR(10) NOT NULL, quantity"
                      + " VARCHAR(48), price VARCHAR(48), reduce_only SMALLINT NOT NULL,"
                      + " executed_quantity VARCHAR(48) NOT NULL, average_price VARCHAR(48),"
                      + " order_id VARCHAR(64), reason VARCHAR(2000), leader_price VARCHAR(48) NOT"
                      + " NULL, leader_quantity VARCHAR(48) NOT NULL, leader_before VARCHAR(48) NOT NULL,"
                      + " leader_after VARCHAR(48) NOT NULL, leader_time BIGINT NOT NULL,"
                      + " created_at BIGINT NOT NULL, acked_at BIGINT, UNIQUE (follower, seq,"
                      + " leg))",
                  "CREATE INDEX copies_status ON copies (status)",
                  "CREATE INDEX copies_symbol_seq ON copies (symbol, seq)",
                  "CREATE TABLE follower_positions (follower VARCHAR(64) NOT NULL, symbol"
                      + " VARCHAR(40) NOT NULL, position_side VARCHAR(5) NOT NULL, amount"
                      + " VARCHAR(48) NOT NULL, PRIMARY KEY (follower, symbol, position_side))")),
          new Migration(
              2,
              "follower risk state: day, day start equity, peak equity, risk pause",
              List.of(
                  "CREATE TABLE follower_risk (follower VARCHAR(64) NOT NULL PRIMARY KEY, risk_day"
                      + " BIGINT NOT NULL, day_start VARCHAR(48), peak VARCHAR(48), paused_reason"
                      + " VARCHAR(2000))")),
          new Migration(
              3,
              "follower target positions: the exact, unrounded position each copy aims at",
              List.of(
                  "CREATE TABLE follower_targets (follower VARCHAR(64) NOT NULL, symbol"
                      + " VARCHAR(40) NOT NULL, position_side VARCHAR(5) NOT NULL, amount"
                      + " VARCHAR(48) NOT NULL, PRIMARY KEY (follower, symbol, position_side))",
                  // an upgraded journal aims at what each follower already holds
                  "INSERT INTO follower_targets (follower, symbol, position_side, amount)"
                      + " SELECT follower, symbol, position_side, amount FROM"
                      + " follower_positions")),
          new Migration(
              4,
              "leases with fencing epochs and instance heartbeats, for several copiers on one"
                  + " journal",
              List.of(
                  "CREATE TABLE copier_leases (name VARCHAR(100) NOT NULL PRIMARY KEY, owner"
                      + " VARCHAR(100), epoch BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
                  "CREATE TABLE copier_instances (instance VARCHAR(100) NOT NULL PRIMARY KEY,"
                      + " heartbeat_at BIGINT NOT NULL)")));

  /** The PostgreSQL advisory lock key held while migrating. */
  private static final long MIGRATION_LOCK = 7_146_353_001L;

  private SqlSchema() {}

  /** The dialect of the connection's database, from its product name. */
  public static Dialect dialectOf(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("sqlite")) {
      return Dialect.SQLITE;
    }
    return product.contains("postgres") ? Dialect.POSTGRESQL : Dialect.OTHER;
  }

  /** The newest schema version this code knows. */
  public static int latestVersion() {
    return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
  }

  /**
   * Applies the connection settings of the dialect (SQLite: WAL, synchronous NORMAL, a busy
   * time-out), then every migration newer than the stored version, each in its own transaction.
   *
   * @return the schema version after migrating
   * @throws SQLException when the stored version is newer than this code knows
   */
  public static int migrate(Connection connection, Dialect dialect) throws SQLException {
    return migrate(connection, dialect, latestVersion());
  }

  /** As {@link #migrate(Connection, Dialect)}, but stops after version {@code upTo} (for tests). */
  static int migrate(Connection connection, Dialect dialect, int upTo) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      try (Statement st = connection.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=NORMAL");
        st.execute("PRAGMA busy_timeout=5000");
      }
    }
    connection.setAutoCommit(false);
    if (dialect != Dialect.POSTGRESQL) {
      return migrateLocked(connection, upTo);
    }
    // several copier instances may open one journal at the same moment: one migrates at a time
    try (Statement st = connection.createStatement()) {
      st.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
      connection.commit();
    }
    try {
      return migrateLocked(connection, upTo);
    } finally {
      connection.rollback(); // leave no failed transaction behind the unlock
      try (Statement st = connection.createStatement()) {
        st.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
        connection.commit();
      }
    }
  }

  private static int migrateLocked(Connection connection, int upTo) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY,"
              + " description VARCHAR(200) NOT NULL)");
      connection.commit();
    }
    int current = currentVersion(connection);
    if (current > latestVersion()) {
      throw new SQLException(
          "the journal's schema version "
              + current
              + " is newer than this copier knows ("
              + latestVersion()
              + "): upgrade the copier");
    }
    for (Migration m : MIGRATIONS) {
      if (m.version() <= current || m.version() > upTo) {
        continue;
      }
      try (Statement st = connection.createStatement()) {
        for (String sql : m.statements()) {
          st.execute(sql);
        }
        try (PreparedStatement ins =
            connection.prepareStatement(
                "INSERT INTO schema_version (version, description) VALUES (?, ?)")) {
          ins.setInt(1, m.version());
          ins.setString(2, m.description());
          ins.executeUpdate();
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
      current = m.version();
    }
    return current;
  }

  static int currentVersion(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
      int v = rs.next() ? rs.getInt(1) : 0;
      connection.commit();
      return v;
    }
  }
}
