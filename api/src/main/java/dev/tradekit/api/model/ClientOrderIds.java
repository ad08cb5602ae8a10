package dev.tradekit.api.model;

/** The venue rule for client order ids, shared by the request types. */
final class ClientOrderIds {
  /** Binance's {@code newClientOrderId} rule. */
  static final String RULE = "^[.A-Z:/a-z0-9_-]{1,36}$";

  private ClientOrderIds() {}

  static String check(String id, String name) {
    if (!valid(id)) {
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

  /** Whether {@code id} matches {@link #RULE}, checked char by char (no matcher per request). */
  static boolean valid(String id) {
    int n = id.length();
    if (n < 1 || n > 36) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == ':'
              || c == '/'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
