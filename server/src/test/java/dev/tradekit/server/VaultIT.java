package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultIT {
  private static final String SECRET = "s3cr3t-KNOWN-vault-value-0042";
  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();

  private static MasterKey key(int seed) {
    byte[] k = new byte[32];
    java.util.Arrays.fill(k, (byte) seed);
    return MasterKey.ofBytes(k);
  }

  private Store store() {
    return Stores.sqlite(dir.resolve("vault.db")).open();
  }

  @Test
  void sealsWithAFreshNonceAndNeverStoresTheSecretInClear() {
    try (Store s = store()) {
      Vault v = Vault.open(s, key(1), random);
      Store.KeyRecord a =
          v.seal("k1", "usr_1", "sim", "main", Map.of("apiKey", "AK", "apiSecret", SECRET), 1);
      Store.KeyRecord b =
          v.seal("k2", "usr_1", "sim", "main", Map.of("apiKey", "AK", "apiSecret", SECRET), 1);
      assertThat(a.nonce()).hasSize(12).isNotEqualTo(b.nonce());
      assertThat(new String(a.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
      assertThat(v.unseal(s.key("k1").orElseThrow())).containsEntry("apiSecret", SECRET);
      assertThat(a.fingerprint()).hasSize(16).isEqualTo(Vault.fingerprint("AK"));
    }
    assertThat(fileContains(dir.resolve("vault.db"), SECRET)).isFalse();
  }

  private static boolean fileContains(Path file, String text) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void bindsEachRecordToItsOwnerAndId() {
    try (Store s = store()) {
      Vault v = Vault.open(s, key(1), random);
      Store.KeyRecord a =
          v.seal("k1", "usr_1", "sim", "main", Map.of("apiKey", "AK", "apiSecret", SECRET), 1);
      Store.KeyRecord moved =
          new Store.KeyRecord(
              "k1",
              "usr_2",
              a.exchange(),
              a.account(),
              a.fingerprint(),
              a.nonce(),
              a.ciphertext(),
              1);
      assertThatThrownBy(() -> v.unseal(moved))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("failed authentication")
          .hasMessageNotContaining(SECRET);
      assertThatThrownBy(() -> v.secret("usr_2", "k1")).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void aWrongMasterKeyFailsAtOpenWithOneClearError() {
    try (Store s = store()) {
      Vault.open(s, key(1), random);
    }
    try (Store s = store()) {
      assertThatThrownBy(() -> Vault.open(s, key(2), random))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("wrong master key")
          .hasNoCause();
    }
  }

  @Test
  void rotationReWrapsSoRecordsStayReadableUnderTheNewKeyOnly() {
    try (Store s = store()) {
      Vault v = Vault.open(s, key(1), random);
      String id = v.put("usr_1", "telegram", "alerts", Map.of("token", SECRET));
      v.rotate(key(3));
      assertThat(v.secret("usr_1", id)).containsEntry("token", SECRET);
      assertThat(v.version()).isEqualTo(2);
    }
    try (Store s = store()) {
      assertThatThrownBy(() -> Vault.open(s, key(1), random))
          .hasMessageStartingWith("wrong master key");
      assertThat(Vault.open(s, key(3), random).secret("usr_1", idOf(s)))
          .containsEntry("token", SECRET);
    }
  }

  private static String idOf(Store s) {
    return s.keys("usr_1").get(0).id();
  }

  @Test
  void derivesTheKeyFromAPassphraseWithTheStoredSalt() {
    char[] pass = "correct horse battery staple".toCharArray();
    String id;
    try (Store s = store()) {
      id =
          Vault.open(s, MasterKey.fromPassphrase(pass), random)
              .put("usr_1", "sim", "a", Map.of("k", "v"));
    }
    try (Store s = store()) {
      assertThat(Vault.open(s, MasterKey.fromPassphrase(pass), random).secret("usr_1", id))
          .containsEntry("k", "v");
      assertThatThrownBy(
              () ->
                  Vault.open(
                      s, MasterKey.fromPassphrase("wrong passphrase!".toCharArray()), random))
          .hasMessageStartingWith("wrong master key");
    }
  }

  @Test
  void readsAKeyFileInBase64AndNeverPrintsIt() throws Exception {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    String b64 = Base64.getEncoder().encodeToString(raw);
    Path f = dir.resolve("master.key");
    Files.writeString(f, b64 + "\n");
    MasterKey k = MasterKey.fromFile(f);
    assertThat(k).isEqualTo(MasterKey.ofBytes(raw));
    assertThat(k.toString()).doesNotContain(b64).contains("master.key");
    Files.writeString(f, "dG9vIHNob3J0");
    assertThatThrownBy(() -> MasterKey.fromFile(f)).hasMessageContaining("base64 of 32 bytes");
  }
}
