package dev.tradekit.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The key that wraps the vault's data key: 32 bytes from an environment variable or a key file, or
 * derived from a passphrase with PBKDF2-HMAC-SHA256.
 *
 * <p>{@code ControlPlane.builder().vault(MasterKey.fromEnv("TRADEKIT_MASTER_KEY"))}
 *
 * <p>Environment variables and key files hold the key in base64 (a key file may also hold the 32
 * raw bytes). The key material never appears in {@link #toString()} or in an exception message.
 */
public final class MasterKey {
  /** PBKDF2 iterations for a passphrase (OWASP 2023 figure for PBKDF2-HMAC-SHA256). */
  static final int PBKDF2_ITERATIONS = 600_000;

  private final String source;
  private final byte @org.jspecify.annotations.Nullable [] raw;
  private final char @org.jspecify.annotations.Nullable [] passphrase;

  private MasterKey(
      String source,
      byte @org.jspecify.annotations.Nullable [] raw,
      char @org.jspecify.annotations.Nullable [] passphrase) {
    this.source = source;
    this.raw = raw;
    this.passphrase = passphrase;
  }

  /**
   * Reads a base64 32-byte key from an environment variable.
   *
   * @param variable the variable's name, e.g. {@code TRADEKIT_MASTER_KEY}
   */
  public static MasterKey fromEnv(String variable) {
    Objects.requireNonNull(variable, "variable");
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "variable: the environment variable " + variable + " is not set");
    }
    return new MasterKey("env:" + variable, decode(value.trim(), "env:" + variable), null);
  }

  /**
   * Reads a key file holding 32 raw bytes or their base64.
   *
   * @param file the key file (keep it readable by the server's user only)
   */
  public static MasterKey fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("file: cannot read the key file " + file, e);
    }
    if (bytes.length == 32) {
      return new MasterKey("file:" + file, bytes, null);
    }
    return new MasterKey(
        "file:" + file,
        decode(new String(bytes, StandardCharsets.US_ASCII).trim(), "file:" + file),
        null);
  }

  /**
   * Derives the key from a passphrase (PBKDF2-HMAC-SHA256, 600,000 iterations, a random salt kept
   * in the store). The array is copied; the caller may clear its own.
   *
   * @param passphrase at least 12 characters
   */
  public static MasterKey fromPassphrase(char[] passphrase) {
    Objects.requireNonNull(passphrase, "passphrase");
    if (passphrase.length < 12) {
      throw new IllegalArgumentException("passphrase: must be at least 12 characters");
    }
    return new MasterKey("passphrase", null, passphrase.clone());
  }

  /**
   * A key given as bytes, for hosts that hold it elsewhere (a KMS, a secret manager).
   *
   * @param key exactly 32 bytes; copied
   */
  public static MasterKey ofBytes(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != 32) {
      throw new IllegalArgumentException("key: must be exactly 32 bytes, got " + key.length);
    }
    return new MasterKey("bytes", key.clone(), null);
  }

  private static byte[] decode(String base64, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": the master key must be base64 of 32 bytes");
    }
    if (key.length != 32) {
      throw new IllegalArgumentException(
          source + ": the master key must be base64 of 32 bytes, got " + key.length + " bytes");
    }
    return key;
  }

  boolean derived() {
    return passphrase != null;
  }

  /** The 32-byte key encryption key; {@code salt} is used only for a passphrase. */
  byte[] keyBytes(byte[] salt) {
    if (raw != null) {
      return raw.clone();
    }
    char[] p = Objects.requireNonNull(passphrase);
    PBEKeySpec spec = new PBEKeySpec(p, salt, PBKDF2_ITERATIONS, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Names where the key comes from, never the key. */
  @Override
  public String toString() {
    return "MasterKey[" + source + "]";
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object o) {
    return o instanceof MasterKey m
        && Arrays.equals(raw, m.raw)
        && Arrays.equals(passphrase, m.passphrase);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw) * 31 + Arrays.hashCode(passphrase);
  }
}
