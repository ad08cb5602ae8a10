package dev.tradekit.server;

import dev.tradekit.server.Store.Event;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The persisted event log of {@link JdbcStore} (for {@code Last-Event-ID} replay). */
final class JdbcEvents {
  private final Jdbc jdbc;

  JdbcEvents(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  long appendEvent(String owner, String type, String dataJson, long at) {
    return jdbc.one(
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

  List<Event> eventsAfter(@Nullable String owner, long afterId, int limit) {
    Jdbc.RowMapper<Event> m =
        rs ->
            new Event(
                rs.getLong("id"),
                rs.getString("owner"),
                rs.getString("type"),
                rs.getString("data"),
                rs.getLong("at"));
    if (owner == null) {
      return jdbc.query(
          "SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?",
          ps -> {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
          },
          m);
    }
    return jdbc.query(
        "SELECT * FROM events WHERE owner = ? AND id > ? ORDER BY id LIMIT ?",
        ps -> {
          ps.setString(1, owner);
          ps.setLong(2, afterId);
          ps.setInt(3, limit);
        },
        m);
  }

  int pruneEvents(int keep) {
    long max =
        jdbc.one("SELECT COALESCE(MAX(id), 0) FROM events", ps -> {}, rs -> rs.getLong(1))
            .orElse(0L);
    return jdbc.update("DELETE FROM events WHERE id <= ?", ps -> ps.setLong(1, max - keep));
  }
}
