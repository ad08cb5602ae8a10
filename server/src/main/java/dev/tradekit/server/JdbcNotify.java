package dev.tradekit.server;

import dev.tradekit.server.Store.NotifyChannel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The notification channels table of {@link JdbcStore}. */
final class JdbcNotify {
  private final Jdbc jdbc;

  JdbcNotify(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

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

  void putNotifyChannel(NotifyChannel c) {
    jdbc.inTransaction(
        tx -> {
          deleteNotifyChannel(c.userId(), c.channel());
          return jdbc.update(
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

  Optional<NotifyChannel> notifyChannel(String userId, String channel) {
    return jdbc.one(
        "SELECT * FROM notify_channels WHERE user_id = ? AND channel = ?",
        ps -> {
          ps.setString(1, userId);
          ps.setString(2, channel);
        },
        JdbcNotify::notifyChannel);
  }

  List<NotifyChannel> notifyChannels(String userId) {
    return jdbc.query(
        "SELECT * FROM notify_channels WHERE user_id = ? ORDER BY channel",
        ps -> ps.setString(1, userId),
        JdbcNotify::notifyChannel);
  }

  boolean deleteNotifyChannel(String userId, String channel) {
    return jdbc.update(
            "DELETE FROM notify_channels WHERE user_id = ? AND channel = ?",
            ps -> {
              ps.setString(1, userId);
              ps.setString(2, channel);
            })
        == 1;
  }
}
