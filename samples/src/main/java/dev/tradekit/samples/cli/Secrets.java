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
 * file or the command line.
 */
final class Secrets {
  static final String KEY = "BINANCE_API_KEY";
  static final String SECRET = "BINANCE_API_SECRET";

  private Secrets() {}

  static Credentials credentials(Map<String, String> environment, Path dotEnv) {
    Map<String, String> values = new HashMap<>(readDotEnv(dotEnv));
    environment.forEach(
        (k, v) -> {
          if (!v.isBlank()) {
            values.put(k, v);
          }
        });
    String key = values.get(KEY);
    String secret = values.get(SECRET);
    if (key == null || key.isBlank()) {
      throw new UserError(
          KEY
              + " is not set: export "
              + KEY
              + " and "
              + SECRET
              + " or put them in "
              + dotEnv
              + " (keys are never read from the config file or the command line)");
    }
    if (secret == null || secret.isBlank()) {
      throw new UserError(
          SECRET + " is not set: export it or put it in " + dotEnv + " next to " + KEY);
    }
    return Credentials.of(key.trim(), secret.trim());
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
