package dev.tradekit.testkit;

import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Position;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The user data stream: one listenKey per API key (POST creates or extends, PUT extends, DELETE
 * closes; 60 minutes of scheduler time without a keep-alive expire it with a {@code
 * listenKeyExpired} event), and the account's events in Binance's field names.
 */
final class UserStreamHub {
  static final long KEY_LIFETIME_MS = 60 * 60_000L;
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Map<String, String> keyOfApiKey = new HashMap<>();
  private final Map<String, Long> expiry = new HashMap<>();
  private final Map<String, String> apiKeyOfKey = new HashMap<>();
  private final List<WsSocket> sockets = new CopyOnWriteArrayList<>();
  private final SecureRandom random = new SecureRandom();
  private final LongSupplier clock;
  private final Faults faults;
  private final ScheduledExecutorService delayer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fake-binance-user-delay");
            t.setDaemon(true);
            return t;
          });

  UserStreamHub(LongSupplier clock, Faults faults) {
    this.clock = clock;
    this.faults = faults;
  }

  synchronized String createKey(String apiKey) {
    String key = keyOfApiKey.get(apiKey);
    if (key == null) {
      StringBuilder b = new StringBuilder(64);
      for (int i = 0; i < 64; i++) {
        b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      key = b.toString();
      keyOfApiKey.put(apiKey, key);
      apiKeyOfKey.put(key, apiKey);
    }
    expiry.put(key, clock.getAsLong() + KEY_LIFETIME_MS);
    return key;
  }

  synchronized String keepAlive(String apiKey) {
    String key = keyOfApiKey.get(apiKey);
    if (key == null) {
      throw ApiError.badRequest(-1125, "This listenKey does not exist.");
    }
    expiry.put(key, clock.getAsLong() + KEY_LIFETIME_MS);
    return key;
  }

  void closeKey(String apiKey) {
    String key;
    synchronized (this) {
      key = keyOfApiKey.remove(apiKey);
      if (key != null) {
        expiry.remove(key);
        apiKeyOfKey.remove(key);
      }
    }
    if (key != null) {
      for (WsSocket s : sockets) {
        if (key.equals(s.listenKey)) {
          s.close(1000, "listenKey closed");
        }
      }
    }
  }

  synchronized boolean isKey(String key) {
    return expiry.containsKey(key);
  }

  WsSocket open(String key) {
    WsSocket s = new WsSocket(false, key, (sock, text) -> {}, sockets::remove);
    sockets.add(s);
    return s;
  }

  /** Expires keys whose 60 minutes have passed: listenKeyExpired, then close. */
  void expire() {
    long now = clock.getAsLong();
    List<String> gone = new ArrayList<>();
    synchronized (this) {
      expiry.forEach(
          (k, at) -> {
            if (at <= now) {
              gone.add(k);
            }
          });
      for (String k : gone) {
        expiry.remove(k);
        String api = apiKeyOfKey.remove(k);
        if (api != null) {
          keyOfApiKey.remove(api);
        }
      }
    }
    for (String k : gone) {
      String msg =
          new Json()
              .obj()
              .str("e", "listenKeyExpired")
              .num("E", now)
              .str("listenKey", k)
              .end()
              .toString();
      for (WsSocket s : sockets) {
        if (k.equals(s.listenKey)) {
          s.send(msg);
          s.close(1000, "listenKeyExpired");
        }
      }
    }
  }

  /** Forgets every key (fault): keep-alives get -1125, sockets close. */
  void invalidateAll() {
    synchronized (this) {
      keyOfApiKey.clear();
      apiKeyOfKey.clear();
      expiry.clear();
    }
    sockets.forEach(s -> s.close(1000, "listenKey invalidated"));
  }

  void dropAll() {
    sockets.forEach(WsSocket::disconnect);
  }

  /** A listener that renders one account's events to the sockets of its API key's listenKey. */
  UserEventListener listener(String apiKey) {
    return new UserEventListener() {
      private @Nullable Order pendingTrade;

      @Override
      public void onOrderUpdate(Order order) {
        if (AlgoEndpoints.isAlgo(order)) {
          emit(apiKey, AlgoEndpoints.update(order, clock.getAsLong()));
          return;
        }
        boolean trade =
            order.status() == OrderStatus.FILLED || order.status() == OrderStatus.PARTIALLY_FILLED;
        if (trade) {
          pendingTrade = order;
        } else {
          emit(apiKey, orderUpdate(order, null, order.status().name()));
        }
      }

      @Override
      public void onFill(Fill fill) {
        Order o = pendingTrade;
        pendingTrade = null;
        if (o != null) {
          emit(apiKey, orderUpdate(o, fill, "TRADE"));
        }
      }

      @Override
      public void onAccountUpdate(AccountUpdate u) {
        emit(apiKey, accountUpdate(u));
      }
    };
  }

  private void emit(String apiKey, String json) {
    String key;
    synchronized (this) {
      key = keyOfApiKey.get(apiKey);
    }
    if (key == null || faults.frozen()) {
      return;
    }
    long delay = faults.userEventDelayMillis();
    String k = key;
    Runnable send =
        () -> {
          for (WsSocket s : sockets) {
            if (k.equals(s.listenKey)) {
              s.send(json);
            }
          }
        };
    if (delay > 0) {
      delayer.schedule(send, delay, TimeUnit.MILLISECONDS);
    } else {
      send.run();
    }
  }

  private String orderUpdate(Order o, @Nullable Fill f, String executionType) {
    long now = clock.getAsLong();
    Json j = new Json().obj().str("e", "ORDER_TRADE_UPDATE").num("E", now).num("T", now);
    j.key("o")
        .obj()
        .str("s", o.symbol())
        .str("c", o.clientOrderId() == null ? "" : o.clientOrderId());
    j.str("S", o.side().name()).str("o", o.type().name());
    j.str("f", o.timeInForce() == null ? "GTC" : o.timeInForce().name());
    j.str("q", BinanceWire.plain(o.quantity())).str("p", BinanceWire.plain(o.price()));
    j.str("ap", BinanceWire.plain(o.averagePrice())).str("sp", "0").str("x", executionType);
    j.str("X", o.status().name()).num("i", BinanceWire.orderId(o.orderId()));
    j.str("l", f == null ? "0" : BinanceWire.plain(f.quantity()));
    j.str("z", BinanceWire.plain(o.executedQuantity()));
    j.str("L", f == null ? "0" : BinanceWire.plain(f.price()));
    j.str("N", f == null ? "USDT" : f.commissionAsset())
        .str("n", f == null ? "0" : BinanceWire.plain(f.commission()));
    j.num("T", f == null ? o.updateTime() : f.time());
    j.num("t", f == null ? 0 : BinanceWire.orderId(f.tradeId())).str("b", "0").str("a", "0");
    j.bool("m", f != null && f.maker()).bool("R", o.reduceOnly()).str("wt", "CONTRACT_PRICE");
    j.str("ot", o.type().name()).str("ps", o.positionSide().name()).bool("cp", false);
    j.str("rp", f == null ? "0" : BinanceWire.plain(f.realizedPnl())).str("V", "EXPIRE_MAKER");
    j.str("pm", "NONE").num("gtd", 0).end();
    return j.end().toString();
  }

  private String accountUpdate(AccountUpdate u) {
    Json j =
        new Json().obj().str("e", "ACCOUNT_UPDATE").num("E", clock.getAsLong()).num("T", u.time());
    j.key("a").obj().str("m", u.reason()).key("B").arr();
    for (Balance b : u.balances()) {
      j.obj().str("a", b.asset()).str("wb", BinanceWire.plain(b.walletBalance()));
      j.str("cw", BinanceWire.plain(b.walletBalance())).str("bc", "0").end();
    }
    j.endArr().key("P").arr();
    for (Position p : u.positions()) {
      j.obj().str("s", p.symbol()).str("pa", BinanceWire.plain(p.amount()));
      j.str("ep", BinanceWire.plain(p.entryPrice())).str("bep", BinanceWire.plain(p.entryPrice()));
      j.str("cr", "0").str("up", BinanceWire.plain(p.unrealizedPnl())).str("mt", "cross");
      j.str("iw", "0").str("ps", p.positionSide().name()).end();
    }
    return j.endArr().end().end().toString();
  }

  void close() {
    delayer.shutdownNow();
  }
}
