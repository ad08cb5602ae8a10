package dev.tradekit.samples.cli;

import dev.tradekit.api.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * API keys from the environment or a {@code .env} file (environment first); never from a config
 * file or the command line. The variables are named after the venue: {@code BINANCE_API_KEY} /
 * {@code BINANCE_API_SECRET} for {@code binance-usdm}, {@code BYBIT_API_KEY} / {@code
 * BYBIT_API_SECRET} for {@code bybit-linear}.
 */
final class Secrets {
  static final String KEY = "BINANCE_API_KEY";
  static final String SECRET = "BINANCE_API_SECRET";

  private Secrets() {}

  static Credentials credentials(Map<String, String> environment, Path dotEnv) {
    return credentials(environment, dotEnv, "", "");
  }

  /** The keys for {@code venue} (no named account). */
  static Credentials credentials(Map<String, String> environment, Path dotEnv, String venue) {
    return credentials(environment, dotEnv, "", "", venue);
  }

  /** The keys of one named account on {@code binance-usdm}. */
  static Credentials credentials(
      Map<String, String> environment, Path dotEnv, String account, String role) {
    return credentials(environment, dotEnv, account, role, "binance-usdm");
  }

  /** {@code BYBIT} for {@code bybit-linear}, else {@code BINANCE}: how the key variables start. */
  static String venueName(String venue) {
    return venue.startsWith("bybit") ? "BYBIT" : "BINANCE";
  }

  /**
   * The keys of one named account: {@code <PREFIX>_<VENUE>_API_KEY} and {@code
   * <PREFIX>_<VENUE>_API_SECRET} (venue {@code BINANCE} or {@code BYBIT}), where the prefix is the
   * account name in upper case with other characters than letters and digits turned into {@code _}.
   */
  static Credentials credentials(
      Map<String, String> environment, Path dotEnv, String account, String role, String venue) {
    String prefix = prefix(account) + venueName(venue);
    String keyName = prefix + "_API_KEY";
    String secretName = prefix + "_API_SECRET";
    String whose = account.isEmpty() ? "" : " (keys of " + role + " '" + account + "')";
    Map<String, String> values = new HashMap<>(readDotEnv(dotEnv));
    environment.forEach(
        (k, v) -> {
          if (!v.isBlank()) {
            values.put(k, v);
          }
        });
    String key = values.get(keyName);
    String secret = values.get(secretName);
    if (key == null || key.isBlank()) {
      throw new UserError(
          keyName
              + " is not set"
              + whose
              + ": export "
              + keyName
              + " and "
              + secretName
              + " or put them in "
              + dotEnv
              + " (keys are never read from the config file or the command line)");
    }
    if (secret == null || secret.isBlank()) {
      throw new UserError(
          secretName
              + " is not set"
              + whose
              + ": export it or put it in "
              + dotEnv
              + " next to "
              + keyName);
    }
    return Credentials.of(key.trim(), secret.trim());
  }

  /** {@code ""} for no account, else e.g. {@code ALICE_} for {@code alice}. */
  static String prefix(String account) {
    if (account.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(account.length() + 1);
    for (char c : account.toCharArray()) {
      b.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return b.append('_').toString();
  }

  static Map<String, String> readDotEnv(Path file) {
    Map<String, String> values = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return values;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        if (l.startsWith("export ")) {
          l = l.substring(7).strip();
        }
        int eq = l.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String v = l.substring(eq + 1).strip();
        if (v.length() >= 2
            && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
          v = v.substring(1, v.length() - 1);
        }
        values.put(l.substring(0, eq).strip(), v);
      }
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage(), UserError.CONFIG, e);
    }
    return values;
  }
}
