package dev.tradekit.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The vault, exchange keys, bots (with their equity history), events and notification channels
 * tables of {@link JdbcStore}.
 */
abstract class JdbcBotRows extends JdbcUserRows {
  JdbcBotRows(Connection connection) {
    super(connection);
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
    return one(
        "SELECT * FROM vault_keys WHERE id = ?", ps -> ps.setString(1, id), JdbcBotRows::key);
  }

  @Override
  public List<KeyRecord> keys(@Nullable String owner) {
    if (owner == null) {
      return query("SELECT * FROM vault_keys ORDER BY created_at, id", ps -> {}, JdbcBotRows::key);
    }
    return query(
        "SELECT * FROM vault_keys WHERE owner = ? ORDER BY created_at, id",
        ps -> ps.setString(1, owner),
        JdbcBotRows::key);
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
    return one("SELECT * FROM bots WHERE id = ?", ps -> ps.setString(1, id), JdbcBotRows::bot);
  }

  @Override
  public List<Bot> bots(@Nullable String owner) {
    if (owner == null) {
      return query("SELECT * FROM bots ORDER BY created_at, id", ps -> {}, JdbcBotRows::bot);
    }
    return query(
        "SELECT * FROM bots WHERE owner = ? ORDER BY created_at, id",
        ps -> ps.setString(1, owner),
        JdbcBotRows::bot);
  }

  @Override
  public boolean deleteBot(String id) {
    return inTransaction(
        tx -> {
          update("DELETE FROM equity_samples WHERE bot_id = ?", ps -> ps.setString(1, id));
          return update("DELETE FROM bots WHERE id = ?", ps -> ps.setString(1, id)) == 1;
        });
  }

  // ---- equity history

  @Override
  public void appendEquity(EquitySample s, int keep) {
    inTransaction(
        tx -> {
          update(
              "INSERT INTO equity_samples (bot_id, at, realised_pnl, unrealised_pnl, fees,"
                  + " position) VALUES (?, ?, ?, ?, ?, ?)",
              ps -> {
                ps.setString(1, s.botId());
                ps.setLong(2, s.at());
                ps.setString(3, s.realisedPnl());
                ps.setString(4, s.unrealisedPnl());
                ps.setString(5, s.fees());
                ps.setString(6, s.position());
              });
          // the newest `keep` rows of the bot stay; the subquery is empty (NULL) below that many
          return update(
              "DELETE FROM equity_samples WHERE bot_id = ? AND id <= (SELECT id FROM"
                  + " equity_samples WHERE bot_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)",
              ps -> {
                ps.setString(1, s.botId());
                ps.setString(2, s.botId());
                ps.setInt(3, keep);
              });
        });
  }

  @Override
  public List<EquitySample> equity(String botId, long from, long to, int limit) {
    return query(
        "SELECT * FROM equity_samples WHERE bot_id = ? AND at >= ? AND at <= ?"
            + " ORDER BY at, id LIMIT ?",
        ps -> {
          ps.setString(1, botId);
          ps.setLong(2, from);
          ps.setLong(3, to);
          ps.setInt(4, limit);
        },
        rs ->
            new EquitySample(
                rs.getString("bot_id"),
                rs.getLong("at"),
                rs.getString("realised_pnl"),
                rs.getString("unrealised_pnl"),
                rs.getString("fees"),
                rs.getString("position")));
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
        JdbcBotRows::notifyChannel);
  }

  @Override
  public List<NotifyChannel> notifyChannels(String userId) {
    return query(
        "SELECT * FROM notify_channels WHERE user_id = ? ORDER BY channel",
        ps -> ps.setString(1, userId),
        JdbcBotRows::notifyChannel);
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
}
