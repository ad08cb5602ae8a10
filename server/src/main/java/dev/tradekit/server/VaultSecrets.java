package dev.tradekit.server;

import java.util.Map;

/**
 * The key vault as other modules see it: store a secret's fields encrypted for an owner, and read
 * them back. The notifications module keeps its channel secrets (bot tokens, SMTP passwords,
 * webhook signing keys) here.
 *
 * <p>{@code String id = plane.secrets().put(userId, "telegram", "alerts", Map.of("token", t));}
 *
 * <p>Thread-safe. Returned maps hold secrets: never log them.
 */
public interface VaultSecrets {

  /**
   * Encrypts and stores {@code fields} for {@code owner}.
   *
   * @param owner the owning user's id
   * @param kind what the secret is for, e.g. {@code binance-usdm} or {@code telegram}
   * @param label the account or channel it reaches (shown in listings)
   * @param fields the secret fields; listings show a fingerprint of the {@code apiKey} field, or
   *     else of the field whose name sorts first
   * @return the new record's id
   */
  String put(String owner, String kind, String label, Map<String, String> fields);

  /**
   * Decrypts the record {@code id} of {@code owner}.
   *
   * @throws java.util.NoSuchElementException if there is no such record for that owner
   */
  Map<String, String> secret(String owner, String id);
}
