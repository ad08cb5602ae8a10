package dev.tradekit.backtest.report;

import dev.tradekit.api.model.Fill;
import dev.tradekit.backtest.AccountResult;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.EquityCurve;
import dev.tradekit.backtest.RoundTrip;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link BacktestResult} as JSON: run times, and per account the metrics, costs, equity
 * curve, round trips and fills. Deterministic: equal results give byte-identical text. Non-finite
 * numbers are written as {@code null}.
 *
 * <pre>{@code
 * Files.writeString(Path.of("result.json"), JsonReport.toJson(result));
 * }</pre>
 */
public final class JsonReport {
  private JsonReport() {}

  /** The whole result as one JSON object. */
  public static String toJson(BacktestResult result) {
    Objects.requireNonNull(result, "result");
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("{\"startTime\":").append(result.startTime());
    sb.append(",\"endTime\":").append(result.endTime());
    sb.append(",\"events\":").append(result.events());
    sb.append(",\"accounts\":[");
    boolean first = true;
    for (AccountResult a : result.accounts()) {
      sb.append(first ? "" : ",");
      first = false;
      account(sb, a);
    }
    return sb.append("]}\n").toString();
  }

  private static void account(StringBuilder sb, AccountResult a) {
    sb.append("{\"name\":");
    str(sb, a.name());
    sb.append(",\"metrics\":{");
    boolean first = true;
    for (Map.Entry<String, Double> m : a.metrics().asMap().entrySet()) {
      sb.append(first ? "" : ",");
      first = false;
      str(sb, m.getKey());
      sb.append(':');
      num(sb, m.getValue());
    }
    sb.append("},\"fees\":");
    num(sb, a.fees());
    sb.append(",\"funding\":");
    num(sb, a.funding());
    sb.append(",\"tradedNotional\":");
    num(sb, a.tradedNotional());
    sb.append(",\"ordersSent\":").append(a.ordersSent());
    sb.append(",\"exposure\":");
    num(sb, a.exposure());
    EquityCurve c = a.equity();
    sb.append(",\"equity\":{\"time\":[");
    for (int i = 0; i < c.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(c.time(i));
    }
    sb.append("],\"equity\":[");
    for (int i = 0; i < c.size(); i++) {
      sb.append(i == 0 ? "" : ",");
      num(sb, c.equity(i));
    }
    sb.append("],\"notional\":[");
    for (int i = 0; i < c.size(); i++) {
      sb.append(i == 0 ? "" : ",");
      num(sb, c.notional(i));
    }
    sb.append("]},\"roundTrips\":[");
    first = true;
    for (RoundTrip t : a.roundTrips()) {
      sb.append(first ? "{" : ",{");
      first = false;
      sb.append("\"symbol\":");
      str(sb, t.symbol());
      sb.append(",\"long\":").append(t.longTrade());
      sb.append(",\"openTime\":").append(t.openTime());
      sb.append(",\"closeTime\":").append(t.closeTime());
      sb.append(",\"quantity\":");
      num(sb, t.quantity());
      sb.append(",\"entryPrice\":");
      num(sb, t.entryPrice());
      sb.append(",\"exitPrice\":");
      num(sb, t.exitPrice());
      sb.append(",\"grossPnl\":");
      num(sb, t.grossPnl());
      sb.append(",\"fees\":");
      num(sb, t.fees());
      sb.append(",\"netPnl\":");
      num(sb, t.netPnl());
      sb.append('}');
    }
    sb.append("],\"fills\":[");
    first = true;
    for (Fill f : a.fills()) {
      sb.append(first ? "{" : ",{");
      first = false;
      sb.append("\"time\":").append(f.time());
      sb.append(",\"symbol\":");
      str(sb, f.symbol());
      sb.append(",\"side\":\"").append(f.side()).append('"');
      sb.append(",\"price\":").append(f.price().toPlainString());
      sb.append(",\"quantity\":").append(f.quantity().toPlainString());
      sb.append(",\"commission\":").append(f.commission().toPlainString());
      sb.append(",\"realizedPnl\":").append(f.realizedPnl().toPlainString());
      sb.append(",\"maker\":").append(f.maker());
      sb.append('}');
    }
    sb.append("]}");
  }

  static void num(StringBuilder sb, double v) {
    if (Double.isFinite(v)) {
      sb.append(v);
    } else {
      sb.append("null");
    }
  }

  static void str(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
