package dev.tradekit.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows as CSV (RFC 4180): a header line, then one line per row, lines ending in CRLF; a field that
 * holds a comma, a double quote, CR or LF is quoted and its quotes doubled; null is empty.
 */
final class Csv {
  static final String MEDIA_TYPE = "text/csv; charset=utf-8";

  /** The columns of a fill (market maker, grid, DCA), so an empty page still has its header. */
  static final List<String> FILL_COLUMNS =
      List.of(
          "symbol",
          "tradeId",
          "orderId",
          "clientOrderId",
          "side",
          "price",
          "quantity",
          "commission",
          "commissionAsset",
          "realizedPnl",
          "maker",
          "time");

  /** The columns of a copy (copier). */
  static final List<String> COPY_COLUMNS =
      List.of(
          "clientOrderId",
          "follower",
          "symbol",
          "action",
          "side",
          "status",
          "quantity",
          "executedQuantity",
          "averagePrice",
          "leaderTradeId",
          "leaderQuantity",
          "leaderPrice",
          "reason",
          "leaderTime",
          "latencyMillis");

  private Csv() {}

  /** The rows under the header {@code columns}, then any further keys the rows hold. */
  static String of(List<String> columns, List<Map<String, Object>> rows) {
    Set<String> header = new LinkedHashSet<>(columns);
    rows.forEach(r -> header.addAll(r.keySet()));
    StringBuilder out = new StringBuilder();
    line(out, new ArrayList<>(header));
    for (Map<String, Object> r : rows) {
      List<Object> values = new ArrayList<>();
      for (String h : header) {
        values.add(r.get(h));
      }
      line(out, values);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(values.get(i)));
    }
    out.append("\r\n");
  }

  /** One field, quoted when it must be. */
  static String field(@org.jspecify.annotations.Nullable Object value) {
    if (value == null) {
      return "";
    }
    String s = String.valueOf(value);
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
