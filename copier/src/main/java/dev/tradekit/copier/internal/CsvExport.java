package dev.tradekit.copier.internal;

import dev.tradekit.copier.CopyRecord;
import java.io.IOException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Writes copy records as RFC 4180 CSV.
 *
 * <pre>{@code
 * CsvExport.header(out);
 * for (CopyRecord r : records) CsvExport.row(r, out);
 * }</pre>
 */
public final class CsvExport {
  private static final String HEADER =
      "client_order_id,follower,seq,leg,leader_trade_id,leader_order_id,symbol,action,side,"
          + "leader_position_side,position_side,status,quantity,price,reduce_only,"
          + "executed_quantity,average_price,order_id,reason,leader_price,leader_quantity,"
          + "leader_position_before,leader_position_after,leader_time,created_at,acked_at\r\n";

  private CsvExport() {}

  /** Writes the header row. */
  public static void header(Appendable out) throws IOException {
    out.append(HEADER);
  }

  /** Writes one record as one row. */
  public static void row(CopyRecord r, Appendable out) throws IOException {
    Object[] fields = {
      r.clientOrderId(),
      r.follower(),
      r.seq(),
      r.leg(),
      r.leaderTradeId(),
      r.leaderOrderId(),
      r.symbol(),
      r.action(),
      r.side(),
      r.leaderPositionSide(),
      r.positionSide(),
      r.status(),
      r.quantity(),
      r.price(),
      r.reduceOnly(),
      r.executedQuantity(),
      r.averagePrice(),
      r.orderId(),
      r.reason(),
      r.leaderPrice(),
      r.leaderQuantity(),
      r.leaderPositionBefore(),
      r.leaderPositionAfter(),
      r.leaderTime(),
      r.createdAt(),
      r.ackedAt()
    };
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(escape(fields[i]));
    }
    out.append("\r\n");
  }

  static String escape(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    String s = value instanceof BigDecimal d ? Decimals.plain(d) : value.toString();
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
