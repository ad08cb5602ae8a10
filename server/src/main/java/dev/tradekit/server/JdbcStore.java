package dev.tradekit.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Store} on plain JDBC: SQLite (one file, WAL) or PostgreSQL, the same SQL on both but
 * for the binary and auto-increment column types. Versioned migrations run at open; one connection
 * guarded by this object's monitor (the control plane's write rate is low, and SQLite has one
 * writer anyway).
 */
final class JdbcStore implements Store {

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
    }
  };

  private final Connection connection;
  private final Dialect dialect;

  JdbcStore(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
    try {
      if (dialect == Dialect.SQLITE) {
        try (Statement st = connection.createStatement()) {
          st.execute("PRAGMA journal_mode=WAL");
          st.execute("PRAGMA busy_timeout=10000");
          st.execute("PRAGMA foreign_keys=ON");
        }
      }
      migrate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the control-plane store: " + e.getMessage(), e);
    }
  }

  static JdbcStore open(String url) {
    Dialect dialect = url.startsWith("jdbc:sqlite:") ? Dialect.SQLITE : Dialect.POSTGRES;
    try {
      return new JdbcStore(DriverManager.getConnection(url), dialect);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot connect to the control-plane store (" + dialect + "): " + e.getMessage(), e);
    }
  }

  int schemaVersion() {
    synchronized (this) {
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
        return rs.next() ? rs.getInt(1) : 0;
      } catch (SQLException e) {
        throw failure(e);
      }
    }
  }

  private void migrate() throws SQLException {
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

  private static IllegalStateException failure(SQLException e) {
    return new IllegalStateException("control-plane store failure: " + e.getMessage(), e);
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private synchronized int update(String sql, Binder binder) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private synchronized <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
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

  private <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
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

  // ---- users

  private static User user(ResultSet rs) throws SQLException {
    return new User(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("role"),
        rs.getString("password_hash"),
        rs.getLong("created_at"));
  }

  @Override
  public void insertUser(User u) {
    update(
        "INSERT INTO users (id, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, u.id());
          ps.setString(2, u.name());
          ps.setString(3, u.role());
          ps.setString(4, u.passwordHash());
          ps.setLong(5, u.createdAt());
        });
  }

  @Override
  public Optional<User> userByName(String name) {
    return one("SELECT * FROM users WHERE name = ?", ps -> ps.setString(1, name), JdbcStore::user);
  }

  @Override
  public Optional<User> user(String id) {
    return one("SELECT * FROM users WHERE id = ?", ps -> ps.setString(1, id), JdbcStore::user);
  }

  @Override
  public List<User> users() {
    return query("SELECT * FROM users ORDER BY created_at, id", ps -> {}, JdbcStore::user);
  }

  @Override
  public long countUsers() {
    return one("SELECT COUNT(*) FROM users", ps -> {}, rs -> rs.getLong(1)).orElse(0L);
  }

  // ---- refresh tokens

  @Override
  public void insertRefresh(RefreshToken t) {
    update(
        "INSERT INTO refresh_tokens (hash, family, user_id, expires_at, used, revoked)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, t.hash());
          ps.setString(2, t.family());
          ps.setString(3, t.userId());
          ps.setLong(4, t.expiresAt());
          ps.setInt(5, t.used() ? 1 : 0);
          ps.setInt(6, t.revoked() ? 1 : 0);
        });
  }

  @Override
  public Optional<RefreshToken> refresh(String hash) {
    return one(
        "SELECT * FROM refresh_tokens WHERE hash = ?",
        ps -> ps.setString(1, hash),
        rs ->
            new RefreshToken(
                rs.getString("hash"),
                rs.getString("family"),
                rs.getString("user_id"),
                rs.getLong("expires_at"),
                rs.getInt("used") != 0,
                rs.getInt("revoked") != 0));
  }

  @Override
  public boolean spendRefresh(String hash) {
    return update(
            "UPDATE refresh_tokens SET used = 1 WHERE hash = ? AND used = 0 AND revoked = 0",
            ps -> ps.setString(1, hash))
        == 1;
  }

  @Override
  public void revokeFamily(String family) {
    update("UPDATE refresh_tokens SET revoked = 1 WHERE family = ?", ps -> ps.setString(1, family));
  }

  @Override
  public void revokeUserTokens(String userId) {
    update(
        "UPDATE refresh_tokens SET revoked = 1 WHERE user_id = ?", ps -> ps.setString(1, userId));
  }

  // ---- audit

  @Override
  public void appendAudit(AuditEntry e) {
    update(
        "INSERT INTO audit (at, user_id, user_name, action, target, address, outcome)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setLong(1, e.at());
          ps.setString(2, e.userId());
          ps.setString(3, e.userName());
          ps.setString(4, e.action());
          ps.setString(5, e.target());
          ps.setString(6, e.address());
          ps.setString(7, e.outcome());
        });
  }

  @Override
  public List<AuditEntry> audit(@Nullable String userId, int limit) {
    RowMapper<AuditEntry> m =
        rs ->
            new AuditEntry(
                rs.getLong("id"),
                rs.getLong("at"),
                rs.getString("user_id"),
                rs.getString("user_name"),
                rs.getString("action"),
                rs.getString("target"),
                rs.getString("address"),
                rs.getString("outcome"));
    if (userId == null) {
      return query("SELECT * FROM audit ORDER BY id DESC LIMIT ?", ps -> ps.setInt(1, limit), m);
    }
    return query(
        "SELECT * FROM audit WHERE user_id = ? ORDER BY id DESC LIMIT ?",
        ps -> {
          ps.setString(1, userId);
          ps.setInt(2, limit);
        },
        m);
  }

  // ---- vault

  @Override
  public Optional<VaultMeta> vaultMeta() {
    return one(
        "SELECT * FROM vault_meta WHERE id = 1",
        ps -> {},
        rs ->
            new VaultMeta(
                rs.getBytes("wrapped_data_key"), rs.getBytes("salt"), rs.getInt("version")));
  }

  @Override
  public synchronized void putVaultMeta(VaultMeta meta) {
    int n =
        update(
            "UPDATE vault_meta SET wrapped_data_key = ?, salt = ?, version = ? WHERE id = 1",
            ps -> {
              ps.setBytes(1, meta.wrappedDataKey());
              ps.setBytes(2, meta.salt());
              ps.setInt(3, meta.version());
            });
    if (n == 0) {
      update(
          "INSERT INTO vault_meta (id, wrapped_data_key, salt, version) VALUES (1, ?, ?, ?)",
          ps -> {
            ps.setBytes(1, meta.wrappedDataKey());
            ps.setBytes(2, meta.salt());
            ps.setInt(3, meta.version());
          });
    }
  }

  private static KeyRecord key(ResultSet rs) throws SQLException {
    return new KeyRecord(
        rs.getString("id"),
        rs.getString("owner"),
        rs.getString("exchange"),
        rs.getString("account"),
        rs.getString("fingerprint"),
        rs.getBytes("nonce"),
        rs.getBytes("ciphertext"),
        rs.getLong("created_at"));
  }

  @Override
  public void insertKey(KeyRecord k) {
    update(
        "INSERT INTO vault_keys (id, owner, exchange, account, fingerprint, nonce, ciphertext,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, k.id());
          ps.setString(2, k.owner());
          ps.setString(3, k.exchange());
          ps.setString(4, k.account());
          ps.setString(5, k.fingerprint());
          ps.setBytes(6, k.nonce());
          ps.setBytes(7, k.ciphertext());
          ps.setLong(8, k.createdAt());
        });
  }

  @Override
  public Optional<KeyRecord> key(String id) {
    return one("SELECT * FROM vault_keys WHERE id = ?", ps -> ps.setString(1, id), JdbcStore::key);
  }

  @Override
  public List<KeyRecord> keys(@Nullable String owner) {
    if (owner == null) {
      return query("SELECT * FROM vault_keys ORDER BY created_at, id", ps -> {}, JdbcStore::key);
    }
    return query(
        "SELECT * FROM vault_keys WHERE owner = ? ORDER BY created_at, id",
        ps -> ps.setString(1, owner),
        JdbcStore::key);
  }

  @Override
  public boolean deleteKey(String id) {
    return update("DELETE FROM vault_keys WHERE id = ?", ps -> ps.setString(1, id)) == 1;
  }

  // ---- bots

  private static Bot bot(ResultSet rs) throws SQLException {
    return new Bot(
        rs.getString("id"),
        rs.getString("owner"),
        rs.getString("kind"),
        rs.getString("name"),
        rs.getString("config"),
        rs.getString("state"),
        rs.getLong("created_at"),
        rs.getLong("updated_at"));
  }

  @Override
  public void insertBot(Bot b) {
    update(
        "INSERT INTO bots (id, owner, kind, name, config, state, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, b.id());
          ps.setString(2, b.owner());
          ps.setString(3, b.kind());
          ps.setString(4, b.name());
          ps.setString(5, b.configJson());
          ps.setString(6, b.state());
          ps.setLong(7, b.createdAt());
          ps.setLong(8, b.updatedAt());
        });
  }

  @Override
  public void updateBot(Bot b) {
    update(
        "UPDATE bots SET name = ?, config = ?, state = ?, updated_at = ? WHERE id = ?",
        ps -> {
          ps.setString(1, b.name());
          ps.setString(2, b.configJson());
          ps.setString(3, b.state());
          ps.setLong(4, b.updatedAt());
          ps.setString(5, b.id());
        });
  }

  @Override
  public Optional<Bot> bot(String id) {
    return one("SELECT * FROM bots WHERE id = ?", ps -> ps.setString(1, id), JdbcStore::bot);
  }

  @Override
  public List<Bot> bots(@Nullable String owner) {
    if (owner == null) {
      return query("SELECT * FROM bots ORDER BY created_at, id", ps -> {}, JdbcStore::bot);
    }
    return query(
        "SELECT * FROM bots WHERE owner = ? ORDER BY created_at, id",
        ps -> ps.setString(1, owner),
        JdbcStore::bot);
  }

  @Override
  public boolean deleteBot(String id) {
    return update("DELETE FROM bots WHERE id = ?", ps -> ps.setString(1, id)) == 1;
  }

  // ---- events

  @Override
  public long appendEvent(String owner, String type, String dataJson, long at) {
    return one(
            "INSERT INTO events (owner, type, data, at) VALUES (?, ?, ?, ?) RETURNING id",
            ps -> {
              ps.setString(1, owner);
              ps.setString(2, type);
              ps.setString(3, dataJson);
              ps.setLong(4, at);
            },
            rs -> rs.getLong(1))
        .orElseThrow(() -> new IllegalStateException("the store returned no event id"));
  }

  @Override
  public List<Event> eventsAfter(@Nullable String owner, long afterId, int limit) {
    RowMapper<Event> m =
        rs ->
            new Event(
                rs.getLong("id"),
                rs.getString("owner"),
                rs.getString("type"),
                rs.getString("data"),
                rs.getLong("at"));
    if (owner == null) {
      return query(
          "SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?",
          ps -> {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
          },
          m);
    }
    return query(
        "SELECT * FROM events WHERE owner = ? AND id > ? ORDER BY id LIMIT ?",
        ps -> {
          ps.setString(1, owner);
          ps.setLong(2, afterId);
          ps.setInt(3, limit);
        },
        m);
  }

  @Override
  public int pruneEvents(int keep) {
    long max =
        one("SELECT COALESCE(MAX(id), 0) FROM events", ps -> {}, rs -> rs.getLong(1)).orElse(0L);
    return update("DELETE FROM events WHERE id <= ?", ps -> ps.setLong(1, max - keep));
  }

  // ---- notification channels

  private static NotifyChannel notifyChannel(ResultSet rs) throws SQLException {
    return new NotifyChannel(
        rs.getString("user_id"),
        rs.getString("channel"),
        rs.getString("address"),
        rs.getString("kinds"),
        rs.getString("min_severity"),
        rs.getInt("silent") != 0,
        rs.getString("secret_id"),
        rs.getString("quiet_hours"),
        rs.getLong("updated_at"));
  }

  @Override
  public void putNotifyChannel(NotifyChannel c) {
    inTransaction(
        tx -> {
          deleteNotifyChannel(c.userId(), c.channel());
          return update(
              "INSERT INTO notify_channels (user_id, channel, address, kinds, min_severity,"
                  + " silent, secret_id, quiet_hours, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
              ps -> {
                ps.setString(1, c.userId());
                ps.setString(2, c.channel());
                ps.setString(3, c.address());
                ps.setString(4, c.kinds());
                ps.setString(5, c.minSeverity());
                ps.setInt(6, c.silent() ? 1 : 0);
                ps.setString(7, c.secretId());
                ps.setString(8, c.quietHours());
                ps.setLong(9, c.updatedAt());
              });
        });
  }

  @Override
  public Optional<NotifyChannel> notifyChannel(String userId, String channel) {
    return one(
        "SELECT * FROM notify_channels WHERE user_id = ? AND channel = ?",
        ps -> {
          ps.setString(1, userId);
          ps.setString(2, channel);
        },
        JdbcStore::notifyChannel);
  }

  @Override
  public List<NotifyChannel> notifyChannels(String userId) {
    return query(
        "SELECT * FROM notify_channels WHERE user_id = ? ORDER BY channel",
        ps -> ps.setString(1, userId),
        JdbcStore::notifyChannel);
  }

  @Override
  public boolean deleteNotifyChannel(String userId, String channel) {
    return update(
            "DELETE FROM notify_channels WHERE user_id = ? AND channel = ?",
            ps -> {
              ps.setString(1, userId);
              ps.setString(2, channel);
            })
        == 1;
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  // ---- backtest jobs

  private static Job job(ResultSet rs) throws SQLException {
    return new Job(
        rs.getString("id"),
        rs.getString("owner"),
        rs.getString("kind"),
        rs.getString("name"),
        rs.getString("request"),
        rs.getString("state"),
        rs.getDouble("progress"),
        rs.getLong("created_at"),
        rs.getLong("started_at"),
        rs.getLong("finished_at"),
        rs.getString("summary"),
        rs.getString("error"));
  }

  @Override
  public void insertJob(Job j) {
    update(
        "INSERT INTO jobs (id, owner, kind, name, request, state, progress, created_at,"
            + " started_at, finished_at, summary, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, j.id());
          ps.setString(2, j.owner());
          ps.setString(3, j.kind());
          ps.setString(4, j.name());
          ps.setString(5, j.requestJson());
          ps.setString(6, j.state());
          ps.setDouble(7, j.progress());
          ps.setLong(8, j.createdAt());
          ps.setLong(9, j.startedAt());
          ps.setLong(10, j.finishedAt());
          ps.setString(11, j.summaryJson());
          ps.setString(12, j.error());
        });
  }

  @Override
  public void updateJob(Job j) {
    update(
        "UPDATE jobs SET state = ?, progress = ?, started_at = ?, finished_at = ?, summary = ?,"
            + " error = ? WHERE id = ?",
        ps -> {
          ps.setString(1, j.state());
          ps.setDouble(2, j.progress());
          ps.setLong(3, j.startedAt());
          ps.setLong(4, j.finishedAt());
          ps.setString(5, j.summaryJson());
          ps.setString(6, j.error());
          ps.setString(7, j.id());
        });
  }

  @Override
  public Optional<Job> job(String id) {
    return one("SELECT * FROM jobs WHERE id = ?", ps -> ps.setString(1, id), JdbcStore::job);
  }

  @Override
  public List<Job> jobs(@Nullable String owner, int limit) {
    if (owner == null) {
      return query(
          "SELECT * FROM jobs ORDER BY created_at DESC, id DESC LIMIT ?",
          ps -> ps.setInt(1, limit),
          JdbcStore::job);
    }
    return query(
        "SELECT * FROM jobs WHERE owner = ? ORDER BY created_at DESC, id DESC LIMIT ?",
        ps -> {
          ps.setString(1, owner);
          ps.setInt(2, limit);
        },
        JdbcStore::job);
  }

  @Override
  public void putJobResult(String id, String resultJson, String reportHtml) {
    update(
        "INSERT INTO job_results (id, result, report) VALUES (?, ?, ?)",
        ps -> {
          ps.setString(1, id);
          ps.setString(2, resultJson);
          ps.setString(3, reportHtml);
        });
  }

  @Override
  public Optional<String> jobResult(String id) {
    return one(
        "SELECT result FROM job_results WHERE id = ?",
        ps -> ps.setString(1, id),
        rs -> rs.getString(1));
  }

  @Override
  public Optional<String> jobReport(String id) {
    return one(
        "SELECT report FROM job_results WHERE id = ?",
        ps -> ps.setString(1, id),
        rs -> rs.getString(1));
  }

  @Override
  public boolean deleteJob(String id) {
    return inTransaction(
        c -> {
          update("DELETE FROM job_results WHERE id = ?", ps -> ps.setString(1, id));
          return update("DELETE FROM jobs WHERE id = ?", ps -> ps.setString(1, id)) == 1;
        });
  }

  @Override
  public int pruneJobs(String owner, int keep) {
    return inTransaction(
        c -> {
          List<String> finished =
              query(
                  "SELECT id FROM jobs WHERE owner = ? AND state IN ('done', 'failed', 'cancelled')"
                      + " ORDER BY created_at DESC, id DESC",
                  ps -> ps.setString(1, owner),
                  rs -> rs.getString(1));
          int removed = 0;
          for (String id : finished.subList(Math.min(keep, finished.size()), finished.size())) {
            removed += deleteJob(id) ? 1 : 0;
          }
          return removed;
        });
  }

  @Override
  public int failUnfinishedJobs(long at, String error) {
    return update(
        "UPDATE jobs SET state = 'failed', finished_at = ?, error = ?"
            + " WHERE state IN ('queued', 'running')",
        ps -> {
          ps.setLong(1, at);
          ps.setString(2, error);
        });
  }
}
