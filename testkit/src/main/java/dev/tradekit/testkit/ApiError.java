package dev.tradekit.testkit;

import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InsufficientMarginException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.error.UnknownSymbolException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A Binance error reply: HTTP status, {@code {"code":…,"msg":…}} body and extra headers. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final int code;
  final transient Map<String, String> headers = new LinkedHashMap<>();

  ApiError(int status, int code, String msg) {
    super(msg, null, false, false);
    this.status = status;
    this.code = code;
  }

  ApiError header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  String body() {
    return new Json().obj().num("code", code).str("msg", getMessage()).end().toString();
  }

  static ApiError badRequest(int code, String msg) {
    return new ApiError(400, code, msg);
  }

  static ApiError missing(String param) {
    return badRequest(
        -1102, "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
  }

  /** The Binance code and message of a simulator exception (the sim already uses Binance codes). */
  static ApiError of(Throwable t) {
    Throwable e = t;
    while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof ApiError a) {
      return a;
    }
    if (e instanceof ExchangeException x) {
      int code = x.code();
      if (code == ExchangeException.NO_CODE) {
        code = codeOf(x);
      }
      return badRequest(code, x.getMessage() == null ? "error" : x.getMessage());
    }
    if (e instanceof IllegalArgumentException) {
      return badRequest(-1102, String.valueOf(e.getMessage()));
    }
    return new ApiError(500, -1000, "An unknown error occurred while processing the request.");
  }

  private static int codeOf(ExchangeException x) {
    if (x instanceof UnknownSymbolException) {
      return -1121;
    }
    if (x instanceof OrderNotFoundException) {
      return -2013;
    }
    if (x instanceof DuplicateClientOrderIdException) {
      return -4116;
    }
    if (x instanceof InsufficientMarginException) {
      return -2019;
    }
    if (x instanceof InvalidOrderException) {
      return filterCode(String.valueOf(x.getMessage()).toLowerCase(Locale.ROOT));
    }
    return -1000;
  }

  /** The code of a filter violation from the words of the instrument's message. */
  static int filterCode(String msg) {
    if (msg.contains("notional")) {
      return -4164;
    }
    if (msg.contains("tick")) {
      return -4014;
    }
    if (msg.contains("step") || msg.contains("lot")) {
      return -4023;
    }
    if (msg.contains("price")) {
      return -4016;
    }
    return -1111;
  }
}
