package dev.tradekit.notify;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Gives channels their secrets (Telegram bot token, SMTP password, webhook signing secrets) by
 * name, at the moment they are needed; the control plane's key vault implements it.
 *
 * <p>Channels never log, print or put a secret in an exception message, and never keep it in a
 * field that {@code toString} shows.
 *
 * <pre>{@code
 * SecretSource vault = name -> keyVault.reveal(name);
 * SecretSource fixed = SecretSource.of(Map.of("telegram.token", System.getenv("TG_TOKEN")));
 * }</pre>
 *
 * <p>Threading: called from the delivery thread; implementations must be thread-safe.
 */
@FunctionalInterface
public interface SecretSource {

  /**
   * The secret named {@code name}.
   *
   * @throws NoSuchElementException if there is none (the message names the secret, never a value)
   */
  String secret(String name);

  /** Secrets from a map (tests, samples). */
  static SecretSource of(Map<String, String> secrets) {
    Map<String, String> copy = Map.copyOf(secrets);
    return name -> {
      String s = copy.get(name);
      if (s == null) {
        throw new NoSuchElementException("no secret named " + name);
      }
      return s;
    };
  }
}
