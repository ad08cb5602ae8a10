package dev.tradekit.server;

import dev.tradekit.server.Store.EquitySample;
import java.util.List;

/** The bots' equity history table of {@link JdbcStore}. */
final class JdbcEquity {
  private final Jdbc jdbc;

  JdbcEquity(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  void appendEquity(EquitySample s, int keep) {
    jdbc.inTransaction(
        tx -> {
          jdbc.update(
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
          return jdbc.update(
              "DELETE FROM equity_samples WHERE bot_id = ? AND id <= (SELECT id FROM"
                  + " equity_samples WHERE bot_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)",
              ps -> {
                ps.setString(1, s.botId());
                ps.setString(2, s.botId());
                ps.setInt(3, keep);
              });
        });
  }

  List<EquitySample> equity(String botId, long from, long to, int limit) {
    return jdbc.query(
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

  /** Deletes every sample of {@code botId} (with the bot). */
  void deleteAll(String botId) {
    jdbc.update("DELETE FROM equity_samples WHERE bot_id = ?", ps -> ps.setString(1, botId));
  }
}
