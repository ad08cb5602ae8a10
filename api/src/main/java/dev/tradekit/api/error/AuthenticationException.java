package dev.tradekit.api.error;

import org.jspecify.annotations.Nullable;

/**
 * The venue refused the credentials: a bad key, a bad signature, a missing permission or an IP not
 * on the key's allow-list.
 *
 * <pre>{@code
 * catch (AuthenticationException e) {
 *   alerts.raise(e.getMessage()); // fix the key's permissions or IP allow-list
 * }
 * }</pre>
 */
public class AuthenticationException extends ExchangeException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String venue, int code, String message) {
    super(venue, code, message);
  }

  public AuthenticationException(
      String venue, int code, String message, @Nullable Throwable cause) {
    super(venue, code, message, cause);
  }
}
