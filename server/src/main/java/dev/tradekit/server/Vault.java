package dev.tradekit.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key vault: each record is AES-256-GCM under the data key with a fresh 12-byte nonce and
 * {@code owner|keyId} as associated data; the data key is itself AES-256-GCM-wrapped by the master
 * key. Rotating the master key re-wraps the data key only, so records stay readable throughout.
 */
final class Vault implements VaultSecrets {
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] WRAP_AAD =
      "tradekit-vault-data-key-v1".getBytes(StandardCharsets.UTF_8);

  private final Store store;
  private final SecureRandom random;
  private final Object lock = new Object();
  private final byte[] dataKey;

  private Vault(Store store, SecureRandom random, byte[] dataKey) {
    this.store = store;
    this.random = random;
    this.dataKey = dataKey;
  }

  /**
   * Opens the store's vault with the master key, creating it on first use.
   *
   * @throws IllegalStateException with one clear message if the master key is not the vault's
   */
  static Vault open(Store store, MasterKey master, SecureRandom random) {
    var meta = store.vaultMeta();
    if (meta.isEmpty()) {
      byte[] dataKey = new byte[32];
      random.nextBytes(dataKey);
      byte[] salt = new byte[16];
      random.nextBytes(salt);
      store.putVaultMeta(new Store.VaultMeta(wrap(master, salt, dataKey, random), salt, 1));
      return new Vault(store, random, dataKey);
    }
    Store.VaultMeta m = meta.get();
    byte[] kek = master.keyBytes(m.salt());
    try {
      byte[] w = m.wrappedDataKey();
      byte[] dataKey =
          gcm(Cipher.DECRYPT_MODE, kek, Arrays.copyOf(w, NONCE), WRAP_AAD, w, NONCE, w.length);
      return new Vault(store, random, dataKey);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(
          "wrong master key: "
              + master
              + " does not open this store's key vault (it was created with another master key);"
              + " start with the vault's master key",
          null);
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  private static byte[] wrap(MasterKey master, byte[] salt, byte[] dataKey, SecureRandom random) {
    byte[] kek = master.keyBytes(salt);
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      byte[] sealed;
      try {
        sealed = gcm(Cipher.ENCRYPT_MODE, kek, nonce, WRAP_AAD, dataKey, 0, dataKey.length);
      } catch (AEADBadTagException e) {
        throw new IllegalStateException("AES-GCM failed to encrypt", e);
      }
      return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  /** Re-wraps the data key under a new master key; records are untouched and stay readable. */
  void rotate(MasterKey next) {
    synchronized (lock) {
      Store.VaultMeta current = store.vaultMeta().orElseThrow();
      byte[] salt = new byte[16];
      random.nextBytes(salt);
      store.putVaultMeta(
          new Store.VaultMeta(wrap(next, salt, dataKey, random), salt, current.version() + 1));
    }
  }

  int version() {
    return store.vaultMeta().map(Store.VaultMeta::version).orElse(0);
  }

  private static byte[] gcm(
      int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input, int offset, int end)
      throws AEADBadTagException {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad);
      return c.doFinal(input, offset, end - offset);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available: " + e.getClass(), e);
    }
  }

  private static byte[] aad(String owner, String id) {
    return (owner + "|" + id).getBytes(StandardCharsets.UTF_8);
  }

  /** Encrypts {@code fields} for {@code owner} under id {@code id} and stores the record. */
  Store.KeyRecord seal(
      String id,
      String owner,
      String exchange,
      String account,
      Map<String, String> fields,
      long now) {
    byte[] plain = Json.write(fields).getBytes(StandardCharsets.UTF_8);
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    byte[] sealed;
    try {
      sealed = gcm(Cipher.ENCRYPT_MODE, dataKey, nonce, aad(owner, id), plain, 0, plain.length);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("AES-GCM failed to encrypt", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
    String first =
        fields.containsKey("apiKey")
            ? fields.get("apiKey")
            : new java.util.TreeMap<>(fields).firstEntry().getValue();
    Store.KeyRecord record =
        new Store.KeyRecord(id, owner, exchange, account, fingerprint(first), nonce, sealed, now);
    store.insertKey(record);
    return record;
  }

  /** Decrypts a record; the associated data must match, so a row moved to another owner fails. */
  Map<String, String> unseal(Store.KeyRecord record) {
    try {
      byte[] plain =
          gcm(
              Cipher.DECRYPT_MODE,
              dataKey,
              record.nonce(),
              aad(record.owner(), record.id()),
              record.ciphertext(),
              0,
              record.ciphertext().length);
      try {
        return Json.readStringMap(new String(plain, StandardCharsets.UTF_8));
      } finally {
        Arrays.fill(plain, (byte) 0);
      }
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(
          "vault record " + record.id() + " failed authentication (tampered or moved)", null);
    }
  }

  /** The first 16 hex digits of SHA-256 of the key id: enough to recognise it, nothing to use. */
  static String fingerprint(String apiKey) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public Map<String, String> secret(String owner, String id) {
    Store.KeyRecord r =
        store
            .key(id)
            .filter(k -> k.owner().equals(owner))
            .orElseThrow(
                () -> new NoSuchElementException("no vault record " + id + " for " + owner));
    return unseal(r);
  }

  @Override
  public String put(String owner, String kind, String label, Map<String, String> fields) {
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("fields: must not be empty");
    }
    String id = Ids.next("sec");
    seal(id, owner, kind, label, fields, System.currentTimeMillis());
    return id;
  }
}
