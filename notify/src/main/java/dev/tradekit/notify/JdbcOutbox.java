package dev.tradekit.notify;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * An {@link Outbox} in SQL tables ({@code notify_outbox}, {@code notify_disabled_channel}, {@code
 * notify_schema}); {@link #add(Connection, List)} writes inside the caller's own transaction, so an
 * event commits or rolls back with the state change that caused it.
 *
 * <pre>{@code
 * JdbcOutbox outbox = JdbcOutbox.create(dataSource); // runs the migrations
 * try (Connection c = dataSource.getConnection()) {
 *   c.setAutoCommit(false);
 *   botStore.markStopped(c, botId);
 *   notifier.enqueue(c, stoppedEvent); // same transaction
 *   c.commit();
 * }
 * }</pre>
 *
 * <p>The SQL is plain (no vendor types; {@code INSERT ... ON CONFLICT DO NOTHING}), tested on
 * SQLite and PostgreSQL (the same contract test on both). For SQLite shared between processes, open
 * the connections with a busy timeout. Thread-safe: every call takes its own connection.
 */
public final class JdbcOutbox implements Outbox {
  static final int SCHEMA_VERSION = 1;

  private static final JsonAdapter<Map<String, String>> FIELDS =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, String.class));

  private static final String COLUMNS =
      "delivery_id, channel, address, event_id, kind, severity, user_id, bot_id, text, fields,"
          + " occurred_at, state, attempts, next_attempt_at, last_error";

  private final DataSource dataSource;

  private JdbcOutbox(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * An outbox on {@code dataSource}, creating or upgrading its tables first.
   *
   * @throws IllegalStateException if the database cannot be migrated
   */
  public static JdbcOutbox create(DataSource dataSource) {
    JdbcOutbox outbox = new JdbcOutbox(Objects.requireNonNull(dataSource, "dataSource"));
    try (Connection c = dataSource.getConnection()) {
      migrate(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot migrate the notify outbox: " + e.getMessage(), e);
    }
    return outbox;
  }

  /**
   * Creates or upgrades the outbox tables on {@code c} (idempotent; commits if {@code c} is not in
   * auto-commit mode).
   */
  public static void migrate(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS notify_schema (version INTEGER NOT NULL)");
      int version = 0;
      try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM notify_schema")) {
        if (rs.next()) {
          version = rs.getInt(1);
        }
      }
      if (version < 1) {
        s.execute(
            "CREATE TABLE notify_outbox ("
                + " delivery_id VARCHAR(1000) PRIMARY KEY,"
                + " channel VARCHAR(100) NOT NULL,"
                + " address VARCHAR(500) NOT NULL,"
                + " event_id VARCHAR(200) NOT NULL,"
                + " kind VARCHAR(100) NOT NULL,"
                + " severity VARCHAR(20) NOT NULL,"
                + " user_id VARCHAR(200) NOT NULL,"
                + " bot_id VARCHAR(200),"
                + " text TEXT NOT NULL,"
                + " fields TEXT NOT NULL,"
                + " occurred_at BIGINT NOT NULL,"
                + " state VARCHAR(20) NOT NULL,"
                + " attempts INTEGER NOT NULL,"
                + " next_attempt_at BIGINT NOT NULL,"
                + " last_error TEXT,"
                + " updated_at BIGINT NOT NULL)");
        s.execute("CREATE INDEX notify_outbox_due ON notify_outbox (state, next_attempt_at)");
        s.execute(
            "CREATE TABLE notify_disabled_channel ("
                + " user_id VARCHAR(200) NOT NULL,"
                + " channel VARCHAR(100) NOT NULL,"
                + " reason TEXT NOT NULL,"
                + " since BIGINT NOT NULL,"
                + " PRIMARY KEY (user_id, channel))");
        s.execute("INSERT INTO notify_schema (version) VALUES (1)");
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  @Override
  public void add(List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        add(c, rows);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw sql("add", e);
    }
  }

  /**
   * Adds rows on the caller's connection, in the caller's transaction (nothing is committed here);
   * a row whose id exists is ignored.
   */
  public void add(Connection c, List<Row> rows) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO notify_outbox ("
                + COLUMNS
                + ", updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT (delivery_id) DO NOTHING")) {
      for (Row r : rows) {
        NotifyEvent e = r.event();
        ps.setString(1, r.deliveryId());
        ps.setString(2, r.channel());
        ps.setString(3, r.address());
        ps.setString(4, e.id());
        ps.setString(5, e.kind().wireName());
        ps.setString(6, e.severity().name());
        ps.setString(7, e.userId());
        ps.setString(8, e.botId());
        ps.setString(9, e.text());
        ps.setString(10, FIELDS.toJson(e.fields()));
        ps.setLong(11, e.occurredAt().toEpochMilli());
        ps.setString(12, r.state().name());
        ps.setInt(13, r.attempts());
        ps.setLong(14, r.nextAttemptAtMillis());
        ps.setString(15, r.lastError());
        ps.setLong(16, r.nextAttemptAtMillis());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public List<Row> due(long nowMillis, int limit) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM notify_outbox WHERE state = 'PENDING' AND next_attempt_at <= ?"
            + " ORDER BY next_attempt_at, occurred_at, delivery_id LIMIT ?",
        nowMillis,
        limit);
  }

  @Override
  public List<Row> deadLetters(int limit) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM notify_outbox WHERE state = 'DEAD'"
            + " ORDER BY updated_at DESC, delivery_id LIMIT ?",
        limit);
  }

  @Override
  public void markDelivered(Collection<String> deliveryIds, long nowMillis) {
    update(
        deliveryIds,
        "UPDATE notify_outbox SET state = 'DELIVERED', updated_at = ? WHERE delivery_id = ?",
        ps -> ps.setLong(1, nowMillis));
  }

  @Override
  public void reschedule(
      Collection<String> deliveryIds, long nextAttemptAtMillis, int addAttempts, String error) {
    update(
        deliveryIds,
        "UPDATE notify_outbox SET next_attempt_at = ?, attempts = attempts + ?, last_error = ?,"
            + " updated_at = ? WHERE delivery_id = ? AND state = 'PENDING'",
        ps -> {
          ps.setLong(1, nextAttemptAtMillis);
          ps.setInt(2, addAttempts);
          ps.setString(3, error);
          ps.setLong(4, nextAttemptAtMillis);
        });
  }

  @Override
  public void markDead(Collection<String> deliveryIds, String error, long nowMillis) {
    update(
        deliveryIds,
        "UPDATE notify_outbox SET state = 'DEAD', last_error = ?, updated_at = ?"
            + " WHERE delivery_id = ?",
        ps -> {
          ps.setString(1, error);
          ps.setLong(2, nowMillis);
        });
  }

  @Override
  public boolean retryDeadLetter(String deliveryId, long nowMillis) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE notify_outbox SET state = 'PENDING', attempts = 0, next_attempt_at = ?,"
                    + " updated_at = ? WHERE delivery_id = ? AND state = 'DEAD'")) {
      ps.setLong(1, nowMillis);
      ps.setLong(2, nowMillis);
      ps.setString(3, deliveryId);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw sql("retryDeadLetter", e);
    }
  }

  @Override
  public int pendingCount() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM notify_outbox WHERE state = 'PENDING'")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw sql("pendingCount", e);
    }
  }

  @Override
  public void disableChannel(String userId, String channel, String reason, long nowMillis) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO notify_disabled_channel (user_id, channel, reason, since)"
                    + " VALUES (?,?,?,?) ON CONFLICT (user_id, channel) DO NOTHING")) {
      ps.setString(1, userId);
      ps.setString(2, channel);
      ps.setString(3, reason);
      ps.setLong(4, nowMillis);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw sql("disableChannel", e);
    }
  }

  @Override
  public void enableChannel(String userId, String channel) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM notify_disabled_channel WHERE user_id = ? AND channel = ?")) {
      ps.setString(1, userId);
      ps.setString(2, channel);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw sql("enableChannel", e);
    }
  }

  @Override
  public List<DisabledChannel> disabledChannels() {
    List<DisabledChannel> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT user_id, channel, reason, since FROM notify_disabled_channel"
                    + " ORDER BY user_id, channel")) {
      while (rs.next()) {
        out.add(
            new DisabledChannel(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4))));
      }
    } catch (SQLException e) {
      throw sql("disabledChannels", e);
    }
    return out;
  }

  @Override
  public String toString() {
    return "JdbcOutbox";
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private void update(Collection<String> ids, String sql, Binder binder) {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int idParam = ps.getParameterMetaData().getParameterCount();
        for (String id : ids) {
          binder.bind(ps);
          ps.setString(idParam, id);
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw sql("update", e);
    }
  }

  private List<Row> query(String sql, long... params) {
    List<Row> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setLong(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
    } catch (SQLException e) {
      throw sql("query", e);
    }
    return out;
  }

  private static Row row(ResultSet rs) throws SQLException {
    Map<String, String> fields;
    try {
      fields = Objects.requireNonNull(FIELDS.fromJson(rs.getString(10)), "fields");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    NotifyEvent event =
        new NotifyEvent(
            rs.getString(4),
            EventKind.fromWireName(rs.getString(5)),
            Severity.valueOf(rs.getString(6)),
            rs.getString(7),
            rs.getString(8),
            rs.getString(9),
            fields,
            Instant.ofEpochMilli(rs.getLong(11)));
    return new Row(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        event,
        State.valueOf(rs.getString(12)),
        rs.getInt(13),
        rs.getLong(14),
        rs.getString(15));
  }

  private static IllegalStateException sql(String op, SQLException e) {
    return new IllegalStateException("notify outbox " + op + " failed: " + e.getMessage(), e);
  }
}
