package dev.tradekit.copier.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Key/value settings in the {@code copier_meta} table (start point, watermarks), written inside the
 * caller's transaction.
 *
 * <pre>{@code
 * meta.put("start_point", Long.toString(now));
 * }</pre>
 */
final class SqlMeta {
  private final Connection connection;

  SqlMeta(Connection connection) {
    this.connection = connection;
  }

  @Nullable String get(String key) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT meta_value FROM copier_meta WHERE meta_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  void put(String key, String value) throws SQLException {
    try (PreparedStatement up =
        connection.prepareStatement("UPDATE copier_meta SET meta_value = ? WHERE meta_key = ?")) {
      up.setString(1, value);
      up.setString(2, key);
      if (up.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement ins =
        connection.prepareStatement(
            "INSERT INTO copier_meta (meta_key, meta_value) VALUES (?, ?)")) {
      ins.setString(1, key);
      ins.setString(2, value);
      ins.executeUpdate();
    }
  }
}
