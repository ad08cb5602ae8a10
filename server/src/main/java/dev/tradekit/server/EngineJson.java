package dev.tradekit.server;

import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Position;
import dev.tradekit.copier.CopyRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Engine values as JSON maps: decimals as plain strings, so money stays exact on the wire. No value
 * here carries a credential.
 */
final class EngineJson {
  private EngineJson() {}

  static @Nullable String dec(@Nullable BigDecimal d) {
    return d == null ? null : d.stripTrailingZeros().toPlainString();
  }

  static Map<String, Object> order(Order o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("symbol", o.symbol());
    m.put("orderId", o.orderId());
    m.put("clientOrderId", o.clientOrderId());
    m.put("side", o.side().name());
    m.put("type", o.type().name());
    m.put("price", dec(o.price()));
    m.put("quantity", dec(o.quantity()));
    m.put("executedQuantity", dec(o.executedQuantity()));
    m.put("status", o.status().name());
    m.put("reduceOnly", o.reduceOnly());
    m.put("updateTime", o.updateTime());
    return m;
  }

  static Map<String, Object> fill(Fill f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("symbol", f.symbol());
    m.put("tradeId", f.tradeId());
    m.put("orderId", f.orderId());
    m.put("side", f.side().name());
    m.put("price", dec(f.price()));
    m.put("quantity", dec(f.quantity()));
    m.put("commission", dec(f.commission()));
    m.put("commissionAsset", f.commissionAsset());
    m.put("realizedPnl", dec(f.realizedPnl()));
    m.put("maker", f.maker());
    m.put("time", f.time());
    return m;
  }

  static Map<String, Object> position(String account, Position p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account", account);
    m.put("symbol", p.symbol());
    m.put("positionSide", p.positionSide().name());
    m.put("amount", dec(p.amount()));
    m.put("entryPrice", dec(p.entryPrice()));
    m.put("markPrice", dec(p.markPrice()));
    m.put("unrealizedPnl", dec(p.unrealizedPnl()));
    m.put("leverage", p.leverage());
    return m;
  }

  static Map<String, Object> copy(CopyRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clientOrderId", r.clientOrderId());
    m.put("follower", r.follower());
    m.put("symbol", r.symbol());
    m.put("action", r.action().name());
    m.put("side", r.side().name());
    m.put("status", r.status().name());
    m.put("quantity", dec(r.quantity()));
    m.put("executedQuantity", dec(r.executedQuantity()));
    m.put("averagePrice", dec(r.averagePrice()));
    m.put("leaderTradeId", r.leaderTradeId());
    m.put("leaderQuantity", dec(r.leaderQuantity()));
    m.put("leaderPrice", dec(r.leaderPrice()));
    m.put("reason", r.reason());
    m.put("leaderTime", r.leaderTime());
    m.put("latencyMillis", r.latencyMillis());
    return m;
  }

  /** The event type on the stream and its data, for an engine event. */
  static Map.Entry<String, Map<String, Object>> event(TradingEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", e.source());
    m.put("time", e.time());
    String type;
    if (e instanceof TradingEvent.OrderPlaced p) {
      type = "bot.order.placed";
      m.put("order", order(p.order()));
    } else if (e instanceof TradingEvent.OrderUpdated u) {
      type = "bot.order.updated";
      m.put("order", order(u.order()));
    } else if (e instanceof TradingEvent.OrderFilled f) {
      type = "bot.order.filled";
      m.put("fill", fill(f.fill()));
    } else if (e instanceof TradingEvent.OrderCancelled c) {
      type = "bot.order.cancelled";
      m.put("order", order(c.order()));
    } else if (e instanceof TradingEvent.ExchangeError x) {
      type = "bot.exchange-error";
      m.put("message", x.error().getMessage());
    } else if (e instanceof TradingEvent.BotStarted) {
      type = "bot.engine.started";
    } else if (e instanceof TradingEvent.BotStopped s) {
      type = "bot.engine.stopped";
      m.put("reason", s.reason());
    } else if (e instanceof TradingEvent.BotError x) {
      type = "bot.engine.error";
      m.put("message", x.message());
    } else if (e instanceof TradingEvent.TargetReached t) {
      type = "bot.target-reached";
      m.put("description", t.description());
    } else {
      type = "bot.engine.event";
    }
    return Map.entry(type, m);
  }
}
