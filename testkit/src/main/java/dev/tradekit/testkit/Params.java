package dev.tradekit.testkit;

import dev.tradekit.api.model.Instrument;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads request parameters the way Binance does, answering bad ones with its error codes. */
final class Params {
  private Params() {}

  static String require(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v == null || v.isEmpty()) {
      throw ApiError.missing(name);
    }
    return v;
  }

  static @Nullable Long longParam(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(-1100, "Illegal characters found in parameter '" + name + "'.");
    }
  }

  /** A count parameter (1 to 1500), or {@code fallback} when absent. */
  static int intParam(Map<String, String> p, String name, int fallback) {
    Long v = longParam(p, name);
    if (v == null) {
      return fallback;
    }
    if (v < 1 || v > 1500) {
      throw ApiError.badRequest(-1130, "Data sent for parameter '" + name + "' is not valid.");
    }
    return v.intValue();
  }

  static BigDecimal decimal(Map<String, String> p, String name) {
    try {
      return new BigDecimal(require(p, name));
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(-1100, "Illegal characters found in parameter '" + name + "'.");
    }
  }

  static Instrument instrument(Map<String, Instrument> instruments, String symbol) {
    Instrument i = instruments.get(symbol);
    if (i == null) {
      throw ApiError.badRequest(-1121, "Invalid symbol.");
    }
    return i;
  }
}
