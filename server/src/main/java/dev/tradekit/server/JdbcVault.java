package dev.tradekit.server;

import dev.tradekit.server.Store.KeyRecord;
import dev.tradekit.server.Store.VaultMeta;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The vault's data-key and exchange-key tables of {@link JdbcStore}. */
final class JdbcVault {
  private final Jdbc jdbc;

  JdbcVault(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  Optional<VaultMeta> vaultMeta() {
    return jdbc.one(
        "SELECT * FROM vault_meta WHERE id = 1",
        ps -> {},
        rs ->
            new VaultMeta(
                rs.getBytes("wrapped_data_key"), rs.getBytes("salt"), rs.getInt("version")));
  }

  void putVaultMeta(VaultMeta meta) {
    jdbc.locked(() -> upsertVaultMeta(meta));
  }

  private void upsertVaultMeta(VaultMeta meta) {
    int n =
        jdbc.update(
            "UPDATE vault_meta SET wrapped_data_key = ?, salt = ?, version = ? WHERE id = 1",
            ps -> {
              ps.setBytes(1, meta.wrappedDataKey());
              ps.setBytes(2, meta.salt());
              ps.setInt(3, meta.version());
            });
    if (n == 0) {
      jdbc.update(
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

  void insertKey(KeyRecord k) {
    jdbc.update(
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

  Optional<KeyRecord> key(String id) {
    return jdbc.one(
        "SELECT * FROM vault_keys WHERE id = ?", ps -> ps.setString(1, id), JdbcVault::key);
  }

  List<KeyRecord> keys(@Nullable String owner) {
    if (owner == null) {
      return jdbc.query(
          "SELECT * FROM vault_keys ORDER BY created_at, id", ps -> {}, JdbcVault::key);
    }
    return jdbc.query(
        "SELECT * FROM vault_keys WHERE owner = ? ORDER BY created_at, id",
        ps -> ps.setString(1, owner),
        JdbcVault::key);
  }

  boolean deleteKey(String id) {
    return jdbc.update("DELETE FROM vault_keys WHERE id = ?", ps -> ps.setString(1, id)) == 1;
  }
}
