package dev.tradekit.testkit;

import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trigger;
import dev.tradekit.api.model.WorkingType;
import dev.tradekit.testkit.BybitFakeRest.Failure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Bybit v5 conditional orders over the simulator's: an order/create with a {@code triggerPrice} is
 * the simulator's STOP_MARKET or TAKE_PROFIT_MARKET (which of the two from its side and {@code
 * triggerDirection}; {@code triggerBy} {@code MarkPrice} watches the mark, else the last price;
 * {@code qty "0"} with {@code closeOnTrigger} closes the whole position), refused with 110092 /
 * 110093 when the watched price is already past the trigger, as Bybit does.
 *
 * <p>The simulator fires a conditional order by placing a market order of its own id and then
 * reporting the conditional one TRIGGERED; Bybit keeps one id: {@code Untriggered}, {@code
 * Triggered}, then {@code New} / {@code Filled} of the same {@code orderId}, with the fills under
 * it. {@link #wrap} renders the simulator's events that way: while the account has a conditional
 * order waiting on a symbol, the events of a market order the simulator made (client id {@code
 * sim-...}) are held until the next conditional update; if it is the TRIGGERED that placed it, they
 * go out under the conditional order's id and client id, otherwise as they were. {@link #merged}
 * does the same for the REST lists.
 */
final class BybitFakeStops {
  /** Per account: what the stream rendering and the REST lists need. */
  private static final class Account {
    /** Waiting conditional order ids per symbol. */
    final Map<String, Set<String>> waiting = new HashMap<>();

    /** The simulator's market order id of a fired conditional order -> that conditional order. */
    final Map<String, Order> firedBy = new ConcurrentHashMap<>();

    /** Events held until the next conditional update (orders, fills, account updates). */
    final List<Object> held = new ArrayList<>();

    /** The market order ids among {@link #held}. */
    final Set<String> heldIds = new HashSet<>();

    /** The private stream's renderer, once {@link #wrap} made the listener. */
    @Nullable UserEventListener out;
  }

  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, String> triggerBy = new ConcurrentHashMap<>();

  private Account account(String apiKey) {
    return accounts.computeIfAbsent(apiKey, k -> new Account());
  }

  /** Whether the create-order fields {@code b} are a conditional order's. */
  static boolean isConditional(Map<String, @Nullable Object> b) {
    Object t = b.get("triggerPrice");
    return t != null && !String.valueOf(t).isEmpty();
  }

  /** The simulator's type of a Bybit conditional order: stop or take-profit by direction. */
  static OrderType type(Side side, String triggerDirection) {
    return switch (triggerDirection) {
      case "1" -> side == Side.BUY ? OrderType.STOP_MARKET : OrderType.TAKE_PROFIT_MARKET;
      case "2" -> side == Side.SELL ? OrderType.STOP_MARKET : OrderType.TAKE_PROFIT_MARKET;
      default -> throw new Failure(200, 10001, "params error: triggerDirection must be 1 or 2");
    };
  }

  /** The trigger of the create-order fields {@code b}. */
  static Trigger trigger(Map<String, @Nullable Object> b, boolean closePosition) {
    Object by = b.get("triggerBy");
    WorkingType w =
        switch (by == null ? "LastPrice" : String.valueOf(by)) {
          case "LastPrice" -> WorkingType.CONTRACT_PRICE;
          case "MarkPrice" -> WorkingType.MARK_PRICE;
          default -> throw new Failure(200, 10001, "params error: triggerBy " + by);
        };
    Trigger t = Trigger.at(new BigDecimal(BybitFakeRest.str(b, "triggerPrice"))).workingType(w);
    return closePosition ? t.closingPosition() : t;
  }

  /**
   * Refuses a trigger the watched price has already passed: a rise (1) at or below it is 110092, a
   * fall (2) at or above it 110093.
   */
  static void checkNotPast(String direction, BigDecimal trigger, @Nullable BigDecimal watched) {
    if (watched == null) {
      return;
    }
    if ("1".equals(direction) && trigger.compareTo(watched) <= 0) {
      throw new Failure(
          200,
          110092,
          "expect Rising, but trigger_price["
              + trigger.toPlainString()
              + "] <= current["
              + watched.toPlainString()
              + "]");
    }
    if ("2".equals(direction) && trigger.compareTo(watched) >= 0) {
      throw new Failure(
          200,
          110093,
          "expect Falling, but trigger_price["
              + trigger.toPlainString()
              + "] >= current["
              + watched.toPlainString()
              + "]");
    }
  }

  /** Remembers the {@code triggerBy} of a placed conditional order, for its rendering. */
  void placed(Order o, Map<String, @Nullable Object> b) {
    Object by = b.get("triggerBy");
    if (by != null) {
      triggerBy.put(o.orderId(), String.valueOf(by));
    }
  }

  /** The {@code triggerBy} to render for {@code o}. */
  String triggerBy(Order o) {
    return triggerBy.getOrDefault(o.orderId(), "LastPrice");
  }

  /** The conditional order whose firing placed the simulator's market order {@code id}, if any. */
  @Nullable Order firedBy(String apiKey, String id) {
    return account(apiKey).firedBy.get(id);
  }

  /**
   * {@code o} as Bybit shows it: the market order a conditional order placed appears under the
   * conditional order's id (see {@link #merged}); other orders unchanged. Null for none.
   */
  Order asBybit(String apiKey, Order o, Function<String, @Nullable Order> byId) {
    Order c = firedBy(apiKey, o.orderId());
    if (c != null) {
      return merged(c, o);
    }
    String m = o.triggeredOrderId();
    if (o.type().isConditional() && o.status() == OrderStatus.TRIGGERED && m != null) {
      Order market = byId.apply(m);
      if (market != null) {
        return merged(o, market);
      }
    }
    return o;
  }

  /**
   * The fired conditional order {@code c} in the state of its market order {@code m}: {@code c}'s
   * id, client id, type, trigger and reduce-only, {@code m}'s status, quantities and price, and
   * {@link Order#triggeredOrderId()} its own id (fired).
   */
  static Order merged(Order c, Order m) {
    return Order.builder()
        .symbol(c.symbol())
        .orderId(c.orderId())
        .clientOrderId(c.clientOrderId())
        .side(c.side())
        .positionSide(c.positionSide())
        .type(c.type())
        .triggerPrice(c.triggerPrice())
        .triggeredOrderId(c.orderId())
        .quantity(m.quantity())
        .executedQuantity(m.executedQuantity())
        .averagePrice(m.averagePrice())
        .status(m.status())
        .reduceOnly(c.reduceOnly())
        .createTime(c.createTime())
        .updateTime(Math.max(c.updateTime(), m.updateTime()))
        .build();
  }

  /** {@code f} as Bybit shows it: a fired conditional order's fill carries its id. */
  Fill asBybit(String apiKey, Fill f) {
    Order c = firedBy(apiKey, f.orderId());
    if (c == null) {
      return f;
    }
    return new Fill(
        f.symbol(),
        f.tradeId(),
        c.orderId(),
        c.clientOrderId(),
        f.side(),
        f.positionSide(),
        f.price(),
        f.quantity(),
        f.commission(),
        f.commissionAsset(),
        f.realizedPnl(),
        f.maker(),
        f.time());
  }

  /**
   * Releases the held events of account {@code apiKey} after a REST call placed order {@code id}.
   */
  void releaseIfHeld(String apiKey, String id) {
    Account a = account(apiKey);
    synchronized (a) {
      UserEventListener out = a.out;
      if (out != null && a.heldIds.contains(id)) {
        flush(apiKey, a, out);
      }
    }
  }

  /**
   * The listener that turns the simulator's events of account {@code apiKey} into Bybit's before
   * handing them to {@code out} (the private stream's renderer).
   */
  UserEventListener wrap(String apiKey, UserEventListener out) {
    Account a = account(apiKey);
    synchronized (a) {
      a.out = out;
    }
    return new UserEventListener() {
      @Override
      public void onOrderUpdate(Order o) {
        synchronized (a) {
          if (o.type().isConditional()) {
            conditional(apiKey, a, o, out);
          } else if (a.firedBy.containsKey(o.orderId())) {
            out.onOrderUpdate(asBybit(apiKey, o, id -> null));
          } else if (a.heldIds.contains(o.orderId()) || heldMarketOrder(a, o)) {
            a.heldIds.add(o.orderId());
            a.held.add(o);
          } else {
            flush(apiKey, a, out);
            out.onOrderUpdate(o);
          }
        }
      }

      @Override
      public void onFill(Fill f) {
        synchronized (a) {
          if (!a.held.isEmpty()) {
            a.held.add(f);
          } else {
            out.onFill(asBybit(apiKey, f));
          }
        }
      }

      @Override
      public void onAccountUpdate(AccountUpdate u) {
        synchronized (a) {
          if (!a.held.isEmpty()) {
            a.held.add(u);
          } else {
            out.onAccountUpdate(u);
          }
        }
      }
    };
  }

  private static boolean heldMarketOrder(Account a, Order o) {
    String cid = o.clientOrderId();
    return o.type() == OrderType.MARKET
        && cid != null
        && cid.startsWith("sim-")
        && !a.waiting.getOrDefault(o.symbol(), Set.of()).isEmpty();
  }

  private void conditional(String apiKey, Account a, Order o, UserEventListener out) {
    Set<String> waiting = a.waiting.computeIfAbsent(o.symbol(), k -> new HashSet<>());
    if (o.status().isOpen()) {
      waiting.add(o.orderId());
    } else {
      waiting.remove(o.orderId());
    }
    String market = o.triggeredOrderId();
    if (o.status() == OrderStatus.TRIGGERED && market != null) {
      a.firedBy.put(market, o);
    }
    out.onOrderUpdate(o);
    flush(apiKey, a, out);
  }

  private void flush(String apiKey, Account a, UserEventListener out) {
    List<Object> events = new ArrayList<>(a.held);
    a.held.clear();
    a.heldIds.clear();
    for (Object e : events) {
      if (e instanceof Order o) {
        out.onOrderUpdate(asBybit(apiKey, o, id -> null));
      } else if (e instanceof Fill f) {
        out.onFill(asBybit(apiKey, f));
      } else if (e instanceof AccountUpdate u) {
        out.onAccountUpdate(u);
      }
    }
  }
}
