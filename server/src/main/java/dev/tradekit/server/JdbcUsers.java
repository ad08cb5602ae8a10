package dev.tradekit.server;

import dev.tradekit.server.Store.AuditEntry;
import dev.tradekit.server.Store.RefreshToken;
import dev.tradekit.server.Store.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The users, refresh tokens and audit tables of {@link JdbcStore}. */
final class JdbcUsers {
  private final Jdbc jdbc;

  JdbcUsers(Jdbc jdbc) {
    this.jdbc = jdbc;
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

  void insertUser(User u) {
    jdbc.update(
        "INSERT INTO users (id, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
        ps -> {
          ps.setString(1, u.id());
          ps.setString(2, u.name());
          ps.setString(3, u.role());
          ps.setString(4, u.passwordHash());
          ps.setLong(5, u.createdAt());
        });
  }

  Optional<User> userByName(String name) {
    return jdbc.one(
        "SELECT * FROM users WHERE name = ?", ps -> ps.setString(1, name), JdbcUsers::user);
  }

  Optional<User> user(String id) {
    return jdbc.one("SELECT * FROM users WHERE id = ?", ps -> ps.setString(1, id), JdbcUsers::user);
  }

  List<User> users() {
    return jdbc.query("SELECT * FROM users ORDER BY created_at, id", ps -> {}, JdbcUsers::user);
  }

  long countUsers() {
    return jdbc.one("SELECT COUNT(*) FROM users", ps -> {}, rs -> rs.getLong(1)).orElse(0L);
  }

  // ---- refresh tokens

  void insertRefresh(RefreshToken t) {
    jdbc.update(
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

  Optional<RefreshToken> refresh(String hash) {
    return jdbc.one(
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

  boolean spendRefresh(String hash) {
    return jdbc.update(
            "UPDATE refresh_tokens SET used = 1 WHERE hash = ? AND used = 0 AND revoked = 0",
            ps -> ps.setString(1, hash))
        == 1;
  }

  void revokeFamily(String family) {
    jdbc.update(
        "UPDATE refresh_tokens SET revoked = 1 WHERE family = ?", ps -> ps.setString(1, family));
  }

  void revokeUserTokens(String userId) {
    jdbc.update(
        "UPDATE refresh_tokens SET revoked = 1 WHERE user_id = ?", ps -> ps.setString(1, userId));
  }

  // ---- audit

  void appendAudit(AuditEntry e) {
    jdbc.update(
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

  List<AuditEntry> audit(@Nullable String userId, int limit) {
    Jdbc.RowMapper<AuditEntry> m =
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
      return jdbc.query(
          "SELECT * FROM audit ORDER BY id DESC LIMIT ?", ps -> ps.setInt(1, limit), m);
    }
    return jdbc.query(
        "SELECT * FROM audit WHERE user_id = ? ORDER BY id DESC LIMIT ?",
        ps -> {
          ps.setString(1, userId);
          ps.setInt(2, limit);
        },
        m);
  }
}
