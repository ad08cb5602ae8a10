package dev.tradekit.server;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.InsufficientMarginException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Call;
import dev.tradekit.server.Http.Reply;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Manual orders through a running bot's account: place one (rounded onto the instrument's tick and
 * step grid, checked against its filters before it is sent) and cancel one of the account's open
 * orders. A manual order carries the client id prefix {@code <engine name>_m}, which the market
 * maker does not take for its own, so the engine leaves it alone. Viewers get 403, another user's
 * bot 404; every call is audited and published as {@code bot.order.placed} or {@code
 * bot.order.cancelled}.
 */
final class OrderRoutes {
  private static final long SECONDS = 30;
  private static final BigDecimal MAX = new BigDecimal("1000000000");

  private final Api api;
  private final Bots bots;

  OrderRoutes(Api api, Bots bots) {
    this.api = api;
    this.bots = bots;
  }

  /** The routes, for {@link Api} to serve. */
  List<Http.Route> routes() {
    List<Http.Route> r = new ArrayList<>();
    r.add(Http.Route.of("POST", "/api/bots/{id}/orders", Access.WRITE, this::place));
    r.add(Http.Route.of("DELETE", "/api/bots/{id}/orders/{orderId}", Access.WRITE, this::cancel));
    return r;
  }

  private static BotRun running(Store.Bot b, @Nullable BotRun run) {
    if (run == null) {
      throw ApiException.conflict(
          "bot-not-running", "bot " + b.id() + " is " + b.state() + "; start it first");
    }
    return run;
  }

  /** The account an order goes to: {@code account} names it; a one-account bot needs none. */
  private static Map.Entry<String, Exchange> account(BotRun run, String account) {
    Map<String, Exchange> accounts = run.accounts();
    Exchange ex = accounts.get(account);
    if (ex == null) {
      throw ApiException.invalid(
          "account", "must be one of the bot's accounts " + accounts.keySet());
    }
    return Map.entry(account, ex);
  }

  private static String defaultAccount(BotRun run) {
    return run.accounts().size() == 1 ? run.accounts().keySet().iterator().next() : "leader";
  }

  private Reply place(Call c) {
    Store.Bot b = api.ownedBot(c);
    BotRun run = running(b, bots.run(b.id()));
    Fields f =
        Fields.of(Json.readObject(c.body()))
            .only("account", "symbol", "side", "type", "quantity", "price", "reduceOnly");
    String symbol = f.symbol("symbol");
    Side side = Side.valueOf(f.oneOf("side", "BUY", "SELL"));
    OrderType type =
        f.has("type") ? OrderType.valueOf(f.oneOf("type", "LIMIT", "MARKET")) : OrderType.LIMIT;
    BigDecimal quantity = f.positiveDecimal("quantity", MAX);
    BigDecimal price = null;
    if (type == OrderType.LIMIT) {
      if (!f.has("price")) {
        throw ApiException.invalid("price", "is required for a LIMIT order");
      }
      price = f.positiveDecimal("price", MAX);
    } else if (f.has("price")) {
      throw ApiException.invalid("price", "must be left out of a MARKET order");
    }
    boolean reduceOnly = f.has("reduceOnly") && f.bool("reduceOnly");
    String label = f.has("account") ? f.string("account", 64) : defaultAccount(run);
    Map.Entry<String, Exchange> account = account(run, label);
    Instrument instrument = instrument(account.getValue(), symbol);
    BigDecimal qty = instrument.roundQuantity(quantity, type);
    if (qty.signum() <= 0) {
      throw ApiException.invalid(
          "quantity",
          "must be at least one step of " + instrument.stepSizeFor(type).toPlainString());
    }
    OrderRequest.Builder req =
        OrderRequest.builder()
            .symbol(symbol)
            .side(side)
            .type(type)
            .quantity(qty)
            .reduceOnly(reduceOnly)
            .clientOrderId(clientOrderId(b));
    if (price != null) {
      // never more aggressive than asked: a buy rounds down, a sell up
      req.price(
          instrument.roundPrice(price, side == Side.BUY ? RoundingMode.DOWN : RoundingMode.UP));
    }
    OrderRequest order = req.build();
    List<String> broken = instrument.violations(order, null);
    if (!broken.isEmpty()) {
      api.audit(c, "bot.order.place", "bot " + b.id() + " " + symbol, "refused: order-invalid");
      throw ApiException.badRequest(
          "order-invalid",
          "Order breaks the instrument's filters",
          symbol + ": " + String.join("; ", broken),
          null);
    }
    Order placed;
    try {
      placed = call(account.getValue().trading().place(order));
    } catch (ApiException e) {
      api.audit(c, "bot.order.place", "bot " + b.id() + " " + symbol, "refused: " + e.type);
      throw e;
    }
    Map<String, Object> json = EngineJson.order(placed);
    json.put("account", account.getKey());
    api.audit(
        c,
        "bot.order.place",
        "bot "
            + b.id()
            + " "
            + account.getKey()
            + " "
            + side
            + " "
            + qty.toPlainString()
            + " "
            + symbol
            + " order "
            + placed.orderId(),
        "ok");
    bots.publish(b, "bot.order.placed", json);
    return Reply.json(201, json);
  }

  private static String clientOrderId(Store.Bot b) {
    return BotContext.engineName(b.id()) + "_m" + Ids.token(9).replaceAll("[^A-Za-z0-9]", "x");
  }

  private static Instrument instrument(Exchange ex, String symbol) {
    try {
      return call(ex.marketData().instrument(symbol));
    } catch (ApiException e) {
      if (e.type.equals("unknown-symbol")) {
        throw ApiException.invalid(
            "symbol", "must be a symbol the venue lists; " + symbol + " is not");
      }
      throw e;
    }
  }

  private Reply cancel(Call c) {
    Store.Bot b = api.ownedBot(c);
    BotRun run = running(b, bots.run(b.id()));
    String orderId = c.param("orderId");
    for (Map.Entry<String, Exchange> a : run.accounts().entrySet()) {
      for (Order o : call(a.getValue().trading().openOrders())) {
        if (o.orderId().equals(orderId)) {
          Order cancelled;
          try {
            cancelled = call(a.getValue().trading().cancel(OrderRef.byId(o.symbol(), orderId)));
          } catch (ApiException e) {
            api.audit(
                c, "bot.order.cancel", "bot " + b.id() + " order " + orderId, "refused: " + e.type);
            throw e;
          }
          Map<String, Object> json = EngineJson.order(cancelled);
          json.put("account", a.getKey());
          api.audit(c, "bot.order.cancel", "bot " + b.id() + " order " + orderId, "ok");
          bots.publish(b, "bot.order.cancelled", json);
          return Reply.ok(json);
        }
      }
    }
    throw ApiException.notFound("open order " + orderId);
  }

  /**
   * Waits for a venue call (at most 30 s): a venue that refuses the order answers 400 {@code
   * order-rejected} (or {@code unknown-symbol}) with its message; a venue that fails, 502.
   */
  private static <T> T call(CompletableFuture<T> f) {
    try {
      return f.get(SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw venueError("interrupted");
    } catch (TimeoutException e) {
      throw venueError("no reply within " + SECONDS + " s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof UnknownSymbolException u) {
        throw ApiException.badRequest(
            "unknown-symbol", "Unknown symbol", String.valueOf(u.getMessage()), "symbol");
      }
      if (cause instanceof OrderNotFoundException) {
        throw ApiException.notFound("the order (the venue no longer has it open)");
      }
      if (cause instanceof OrderRejectedException
          || cause instanceof InvalidOrderException
          || cause instanceof InsufficientMarginException
          || cause instanceof DuplicateClientOrderIdException) {
        throw ApiException.badRequest(
            "order-rejected",
            "The venue rejected the order",
            String.valueOf(cause.getMessage()),
            null);
      }
      throw venueError(String.valueOf(cause.getMessage()));
    }
  }

  private static ApiException venueError(String detail) {
    return new ApiException(502, "venue-error", "Venue error", "the venue failed: " + detail, null);
  }
}
