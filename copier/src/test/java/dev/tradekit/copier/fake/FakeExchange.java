package dev.tradekit.copier.fake;

import dev.tradekit.api.Account;
import dev.tradekit.api.BatchResult;
import dev.tradekit.api.Capabilities;
import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.DeadManSwitch;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.MarginModes;
import dev.tradekit.api.MarketData;
import dev.tradekit.api.OrderAmendment;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Trading;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.error.SendDeadlineExceededException;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.UserTradesQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A tiny in-test venue for one account: market orders fill at once at the symbol's price, positions
 * are tracked per slot, client order ids are unique per account (-4116 while the order exists), a
 * reduce-only order that would grow a position is rejected (-2022). Replies complete synchronously.
 * Only what the copier uses is implemented; the rest fails its future.
 */
public final class FakeExchange implements Exchange {
  final String name;
  final LongSupplier clock;
  final Map<String, Instrument> instruments;
  final Map<String, BigDecimal> prices = new HashMap<>();
  private final Map<String, BigDecimal> positions = new LinkedHashMap<>();
  private final Map<String, Order> byClientId = new LinkedHashMap<>();
  private final List<Order> placed = new ArrayList<>();
  private final List<Fill> fills = new ArrayList<>();
  private final Map<String, Integer> leverage = new HashMap<>();
  private final List<UserEventListener> listeners = new CopyOnWriteArrayList<>();
  private PositionMode mode = PositionMode.ONE_WAY;
  private BigDecimal balance;
  private long nextId = 1;
  private long snapshotSkewMillis;
  private final Map<String, MarginType> marginTypes = new HashMap<>();
  private boolean marginModes = true;
  private int holdNext;
  private int lateRefusals;
  private final List<Runnable> held = new ArrayList<>();

  public FakeExchange(
      String name, LongSupplier clock, BigDecimal balance, Instrument... instruments) {
    this.name = name;
    this.clock = clock;
    this.balance = balance;
    this.instruments = new HashMap<>();
    for (Instrument i : instruments) {
      this.instruments.put(i.symbol(), i);
      prices.put(i.symbol(), new BigDecimal("100"));
    }
  }

  public synchronized void setPrice(String symbol, String price) {
    prices.put(symbol, new BigDecimal(price));
  }

  public synchronized void setMode(PositionMode mode) {
    this.mode = mode;
  }

  /**
   * Stamps snapshots this much later than the venue's clock, like an adapter whose estimate of the
   * venue's clock runs ahead.
   */
  public synchronized void setSnapshotSkew(long millis) {
    this.snapshotSkewMillis = millis;
  }

  /** Whether {@link #marginModes()} is offered (default true). */
  public synchronized void setMarginModesSupported(boolean supported) {
    this.marginModes = supported;
  }

  /** The margin types set, by symbol (cross when absent). */
  public synchronized Map<String, MarginType> marginTypes() {
    return Map.copyOf(marginTypes);
  }

  public synchronized void setBalance(String balance) {
    this.balance = new BigDecimal(balance);
  }

  /** The signed position of a slot. */
  public synchronized BigDecimal position(String symbol, PositionSide side) {
    return positions.getOrDefault(symbol + "|" + side, BigDecimal.ZERO);
  }

  /**
   * The next {@code n} placements stay in flight (they have left the caller but not reached this
   * venue) until {@link #releaseHeld()}.
   */
  public synchronized void holdNextPlacements(int n) {
    holdNext = n;
  }

  /** Lets every held placement reach the venue now, in order; returns how many there were. */
  public int releaseHeld() {
    List<Runnable> now;
    synchronized (this) {
      now = List.copyOf(held);
      held.clear();
    }
    now.forEach(Runnable::run);
    return now.size();
  }

  /** How many placements arrived after their send deadline and were refused for it. */
  public synchronized int lateRefusals() {
    return lateRefusals;
  }

  /** How many placements are held in flight. */
  public synchronized int heldCount() {
    return held.size();
  }

  private synchronized CompletableFuture<Order> arrive(OrderRequest request, long deadline) {
    if (holdNext > 0) {
      holdNext--;
      CompletableFuture<Order> later = new CompletableFuture<>();
      held.add(
          () ->
              accept(request, deadline)
                  .whenComplete(
                      (o, e) -> {
                        if (e != null) {
                          later.completeExceptionally(e);
                        } else {
                          later.complete(o);
                        }
                      }));
      return later;
    }
    return accept(request, deadline);
  }

  /** The venue's checks on arrival: its clock against the deadline (Binance -1021), the id. */
  private synchronized CompletableFuture<Order> accept(OrderRequest request, long deadline) {
    if (clock.getAsLong() > deadline) {
      lateRefusals++;
      return CompletableFuture.failedFuture(
          new SendDeadlineExceededException(
              name,
              -1021,
              "Timestamp for this request is outside of the recvWindow.",
              request.clientOrderId(),
              true,
              null));
    }
    if (request.clientOrderId() != null && byClientId.containsKey(request.clientOrderId())) {
      return CompletableFuture.failedFuture(
          new DuplicateClientOrderIdException(name, -4116, "ClientOrderId is duplicated."));
    }
    try {
      return CompletableFuture.completedFuture(execute(request));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Every order ever accepted, in order. */
  public synchronized List<Order> placedOrders() {
    return List.copyOf(placed);
  }

  public synchronized Map<String, Integer> leverages() {
    return Map.copyOf(leverage);
  }

  /**
   * This account trades {@code qty} at market (a leader's own trading): fills, moves the position
   * and tells the stream listeners unless {@code silent}.
   */
  public Fill trade(String symbol, Side side, String qty, PositionSide ps, boolean silent) {
    Order o;
    synchronized (this) {
      o =
          execute(
              OrderRequest.builder()
                  .symbol(symbol)
                  .side(side)
                  .type(OrderType.MARKET)
                  .quantity(new BigDecimal(qty))
                  .positionSide(ps)
                  .build());
    }
    Fill f = lastFill();
    if (!silent) {
      pushFill(f);
    }
    return f;
  }

  public synchronized Fill lastFill() {
    return fills.get(fills.size() - 1);
  }

  /** Delivers a fill to the stream listeners (again, for duplicate tests). */
  public void pushFill(Fill f) {
    for (UserEventListener l : listeners) {
      l.onFill(f);
    }
  }

  public void pushState(ConnectionState s) {
    for (UserEventListener l : listeners) {
      l.onConnectionState(s);
    }
  }

  private Order execute(OrderRequest r) {
    BigDecimal price = prices.get(r.symbol());
    String key = r.symbol() + "|" + r.positionSide();
    BigDecimal pos = positions.getOrDefault(key, BigDecimal.ZERO);
    BigDecimal signed = r.side() == Side.BUY ? r.quantity() : r.quantity().negate();
    if (r.reduceOnly()
        && (pos.signum() == 0
            || pos.signum() == signed.signum()
            || pos.abs().compareTo(r.quantity()) < 0)) {
      throw new OrderRejectedException(name, -2022, "ReduceOnly Order is rejected.");
    }
    if (mode == PositionMode.HEDGE && r.positionSide() == PositionSide.BOTH
        || mode == PositionMode.ONE_WAY && r.positionSide() != PositionSide.BOTH) {
      throw new dev.tradekit.api.error.InvalidOrderException(
          name, -4061, "Order's position side does not match user's setting.");
    }
    boolean crosses =
        r.type() == OrderType.MARKET
            || (r.side() == Side.BUY
                ? r.price().compareTo(price) >= 0
                : r.price().compareTo(price) <= 0);
    BigDecimal executed = crosses ? r.quantity() : BigDecimal.ZERO;
    long now = clock.getAsLong();
    String id = name + "-" + nextId++;
    if (crosses) {
      BigDecimal after = pos.add(signed);
      if (after.signum() == 0) {
        positions.remove(key);
      } else {
        positions.put(key, after);
      }
      fills.add(
          Fill.builder()
              .symbol(r.symbol())
              .tradeId(id)
              .orderId(id)
              .clientOrderId(r.clientOrderId())
              .side(r.side())
              .positionSide(r.positionSide())
              .price(price)
              .quantity(r.quantity())
              .commissionAsset("USDT")
              .time(now)
              .build());
    }
    Order o =
        Order.builder()
            .symbol(r.symbol())
            .orderId(id)
            .clientOrderId(r.clientOrderId())
            .side(r.side())
            .positionSide(r.positionSide())
            .type(r.type())
            .timeInForce(r.timeInForce())
            .price(r.price())
            .quantity(r.quantity())
            .executedQuantity(executed)
            .averagePrice(crosses ? price : null)
            .status(crosses ? OrderStatus.FILLED : OrderStatus.EXPIRED)
            .reduceOnly(r.reduceOnly())
            .createTime(now)
            .updateTime(now)
            .build();
    placed.add(o);
    if (r.clientOrderId() != null) {
      byClientId.put(r.clientOrderId(), o);
    }
    return o;
  }

  static <T> CompletableFuture<T> unsupported(String what) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("fake venue: " + what));
  }

  @Override
  public String venue() {
    return "fake";
  }

  @Override
  public MarketData marketData() {
    return new FakeMarketData(this);
  }

  @Override
  public Trading trading() {
    return new Trading() {
      @Override
      public CompletableFuture<Order> place(OrderRequest request) {
        return arrive(request, Long.MAX_VALUE);
      }

      @Override
      public CompletableFuture<Order> placeBefore(OrderRequest request, Instant deadline) {
        return arrive(request, deadline.toEpochMilli());
      }

      @Override
      public CompletableFuture<List<BatchResult<Order>>> placeBatch(List<OrderRequest> requests) {
        return unsupported("placeBatch");
      }

      @Override
      public CompletableFuture<Order> cancel(OrderRef ref) {
        return unsupported("cancel");
      }

      @Override
      public CompletableFuture<List<BatchResult<Order>>> cancelBatch(List<OrderRef> refs) {
        return unsupported("cancelBatch");
      }

      @Override
      public CompletableFuture<Void> cancelAll(String symbol) {
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public CompletableFuture<List<Order>> openOrders(String symbol) {
        return CompletableFuture.completedFuture(List.of());
      }

      @Override
      public CompletableFuture<List<Order>> openOrders() {
        return CompletableFuture.completedFuture(List.of());
      }

      @Override
      public CompletableFuture<Optional<Order>> order(OrderRef ref) {
        synchronized (FakeExchange.this) {
          @Nullable Order o =
              ref.clientOrderId() != null ? byClientId.get(ref.clientOrderId()) : null;
          return CompletableFuture.completedFuture(Optional.ofNullable(o));
        }
      }

      @Override
      public CompletableFuture<List<Fill>> userTrades(UserTradesQuery q) {
        synchronized (FakeExchange.this) {
          List<Fill> out = new ArrayList<>();
          for (Fill f : fills) {
            if (f.symbol().equals(q.symbol())
                && (q.startTime() == null || f.time() >= q.startTime())
                && (q.endTime() == null || f.time() <= q.endTime())
                && out.size() < q.limit()) {
              out.add(f);
            }
          }
          return CompletableFuture.completedFuture(out);
        }
      }

      @Override
      public CompletableFuture<Void> setLeverage(String symbol, int lev) {
        synchronized (FakeExchange.this) {
          leverage.put(symbol, lev);
        }
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public CompletableFuture<Void> setPositionMode(PositionMode m) {
        setMode(m);
        return CompletableFuture.completedFuture(null);
      }
    };
  }

  @Override
  public Account account() {
    return new Account() {
      @Override
      public CompletableFuture<AccountSnapshot> snapshot() {
        synchronized (FakeExchange.this) {
          return CompletableFuture.completedFuture(
              new AccountSnapshot(
                  clock.getAsLong() + snapshotSkewMillis,
                  mode,
                  List.of(new Balance("USDT", balance, balance, BigDecimal.ZERO)),
                  positionList()));
        }
      }

      @Override
      public CompletableFuture<List<Position>> positions() {
        synchronized (FakeExchange.this) {
          return CompletableFuture.completedFuture(positionList());
        }
      }

      @Override
      public CompletableFuture<List<Income>> income(@Nullable String symbol, long start, long end) {
        return CompletableFuture.completedFuture(List.of());
      }
    };
  }

  private List<Position> positionList() {
    List<Position> out = new ArrayList<>();
    positions.forEach(
        (k, v) -> {
          String[] parts = k.split("\\|");
          out.add(
              new Position(
                  parts[0],
                  PositionSide.valueOf(parts[1]),
                  v,
                  prices.get(parts[0]),
                  null,
                  BigDecimal.ZERO,
                  leverage.getOrDefault(parts[0], 10),
                  marginTypes.getOrDefault(parts[0], MarginType.CROSS),
                  clock.getAsLong()));
        });
    return out;
  }

  @Override
  public Streams streams() {
    return new FakeStreams(listeners);
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(1, 1, false, true, false, false, true);
  }

  @Override
  public Optional<OrderAmendment> amendment() {
    return Optional.empty();
  }

  @Override
  public Optional<DeadManSwitch> deadManSwitch() {
    return Optional.empty();
  }

  @Override
  public synchronized Optional<MarginModes> marginModes() {
    if (!marginModes) {
      return Optional.empty();
    }
    return Optional.of(
        (symbol, type) -> {
          synchronized (FakeExchange.this) {
            marginTypes.put(symbol, type);
          }
          return CompletableFuture.completedFuture(null);
        });
  }

  @Override
  public void close() {}
}
