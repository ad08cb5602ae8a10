package dev.tradekit.api.model;

import java.util.regex.Pattern;

/** The venue rule for client order ids, shared by the request types. */
final class ClientOrderIds {
  /** Binance's {@code newClientOrderId} rule. */
  static final String RULE = "^[.A-Z:/a-z0-9_-]{1,36}$";

  private static final Pattern PATTERN = Pattern.compile(RULE);

  private ClientOrderIds() {}

  static String check(String id, String name) {
    if (!PATTERN.matcher(id).matches()) {
      throw new IllegalArgumentException(
          name
              + " '"
              + id
              + "' ("
              + id.length()
              + " characters) must match "
              + RULE
              + ": 1 to 36 of letters, digits, '.', ':', '/', '_' and '-'");
    }
    return id;
  }
}
