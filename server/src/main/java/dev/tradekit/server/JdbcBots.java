package dev.tradekit.server;

import dev.tradekit.server.Store.Bot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The bots table of {@link JdbcStore}; deleting a bot deletes its equity history. */
final class JdbcBots {
  private final Jdbc jdbc;
  private final JdbcEquity equity;

  JdbcBots(Jdbc jdbc, JdbcEquity equity) {
    this.jdbc = jdbc;
    this.equity = equity;
  }

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

  void insertBot(Bot b) {
    jdbc.update(
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

  void updateBot(Bot b) {
    jdbc.update(
        "UPDATE bots SET name = ?, config = ?, state = ?, updated_at = ? WHERE id = ?",
        ps -> {
          ps.setString(1, b.name());
          ps.setString(2, b.configJson());
          ps.setString(3, b.state());
          ps.setLong(4, b.updatedAt());
          ps.setString(5, b.id());
        });
  }

  Optional<Bot> bot(String id) {
    return jdbc.one("SELECT * FROM bots WHERE id = ?", ps -> ps.setString(1, id), JdbcBots::bot);
  }

  List<Bot> bots(@Nullable String owner) {
    if (owner == null) {
      return jdbc.query("SELECT * FROM bots ORDER BY created_at, id", ps -> {}, JdbcBots::bot);
    }
    return jdbc.query(
        "SELECT * FROM bots WHERE owner = ? ORDER BY created_at, id",
        ps -> ps.setString(1, owner),
        JdbcBots::bot);
  }

  boolean deleteBot(String id) {
    return jdbc.inTransaction(
        tx -> {
          equity.deleteAll(id);
          return jdbc.update("DELETE FROM bots WHERE id = ?", ps -> ps.setString(1, id)) == 1;
        });
  }
}
