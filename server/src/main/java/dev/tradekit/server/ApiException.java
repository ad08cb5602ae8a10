package dev.tradekit.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error the API answers with an RFC 9457 problem body: a stable {@code type}, a title, the
 * status, a detail, and the offending {@code field} when one is to blame.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  static final String TYPE_BASE = "https://tradekit.dev/problems/";

  final int status;
  final String type;
  final String title;
  final @Nullable String field;
  final Map<String, String> headers = new LinkedHashMap<>();

  ApiException(int status, String type, String title, String detail, @Nullable String field) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.field = field;
  }

  static ApiException badRequest(String type, String title, String detail, @Nullable String field) {
    return new ApiException(400, type, title, detail, field);
  }

  /** A field failed validation: {@code detail} says what it must be. */
  static ApiException invalid(String field, String mustBe) {
    return new ApiException(400, "invalid-field", "Invalid field", field + ": " + mustBe, field);
  }

  static ApiException unauthorized(String detail) {
    return new ApiException(401, "unauthorized", "Unauthorized", detail, null)
        .header("WWW-Authenticate", "Bearer realm=\"tradekit\"");
  }

  static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", "Forbidden", detail, null);
  }

  static ApiException notFound(String what) {
    return new ApiException(404, "not-found", "Not found", what + " does not exist", null);
  }

  static ApiException conflict(String type, String detail) {
    return new ApiException(409, type, "Conflict", detail, null);
  }

  ApiException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Map<String, Object> body(String instance) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("type", TYPE_BASE + type);
    b.put("title", title);
    b.put("status", status);
    b.put("detail", getMessage());
    b.put("instance", instance);
    if (field != null) {
      b.put("field", field);
    }
    return b;
  }
}
