package dev.tradekit.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The users, refresh tokens and audit tables of {@link JdbcStore}. */
abstract class JdbcUserRows extends JdbcSql {
  JdbcUserRows(Connection connection) {
    super(connection);
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
    return one(
        "SELECT * FROM users WHERE name = ?", ps -> ps.setString(1, name), JdbcUserRows::user);
  }

  @Override
  public Optional<User> user(String id) {
    return one("SELECT * FROM users WHERE id = ?", ps -> ps.setString(1, id), JdbcUserRows::user);
  }

  @Override
  public List<User> users() {
    return query("SELECT * FROM users ORDER BY created_at, id", ps -> {}, JdbcUserRows::user);
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
}
