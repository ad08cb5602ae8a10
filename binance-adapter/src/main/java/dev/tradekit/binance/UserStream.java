package dev.tradekit.binance;

import dev.tradekit.adapter.Backoff;
import dev.tradekit.adapter.WsConnection;
import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user data stream: listenKey create / keep-alive / recreate (on -1125 or {@code
 * listenKeyExpired}), one connection while anyone listens, mapping of events, and after every gap
 * the recovery of missed orders and fills over REST, delivered once, before {@code RECONNECTED}.
 * Events arriving while the recovery runs are held and delivered after it. Runs on the scheduler.
 */
final class UserStream implements WsConnection.Handler<UserEventDto> {
  private static final Logger log = LoggerFactory.getLogger(UserStream.class);
  private static final int LISTEN_KEY_MISSING = -1125;
  private static final int MAX_HELD = 10_000;

  private enum Phase {
    /** Nobody listens. */
    IDLE,
    /** Connecting for the first time: nothing to recover. */
    FIRST,
    /** Connected and delivering. */
    LIVE,
    /** Connection lost after it was live: waiting to reconnect. */
    GAP,
    /** Reconnected; recovering over REST and holding live events. */
    RECOVERING
  }

  private final StreamsContext ctx;
  private final StreamSettings settings;
  private final OkHttpClient http;
  private final Scheduler scheduler;
  private final Listeners<UserEventListener> listeners = new Listeners<>("user events");
  private final DeliveredLog delivered;

  /** Algo orders last seen open (order id to symbol): replayed after a gap if they vanished. */
  private final Map<String, String> openAlgos = new HashMap<>();

  private final Backoff recoveryBackoff;
  private final Set<String> symbolsSeen = new LinkedHashSet<>();
  private final ArrayDeque<UserEventDto> held = new ArrayDeque<>();

  private Phase phase = Phase.IDLE;
  private @Nullable WsConnection<UserEventDto> connection;
  private @Nullable String listenKey;
  private @Nullable Cancellable keepAliveTimer;
  private @Nullable Cancellable recoveryRetry;
  private long lastEventTime;
  private long firstOpenTime;
  private int recoveryGeneration;

  UserStream(StreamsContext ctx, StreamSettings settings, OkHttpClient http) {
    this.ctx = ctx;
    this.settings = settings;
    this.http = http;
    this.scheduler = ctx.scheduler();
    this.delivered = new DeliveredLog(settings.dedupeCapacity());
    this.recoveryBackoff =
        new Backoff(
            settings.reconnectMin().toMillis(),
            settings.reconnectMax().toMillis(),
            settings.random());
  }

  void add(Listeners.Handle<UserEventListener> handle) {
    listeners.add(handle);
    if (phase == Phase.IDLE) {
      phase = Phase.FIRST;
      WsConnection<UserEventDto> c =
          new WsConnection<>(
              "binance user stream",
              scheduler,
              http,
              settings.connection(),
              settings.userSilence(),
              this);
      connection = c;
      c.start();
    } else if (phase == Phase.LIVE) {
      handle.deliver(l -> l.onConnectionState(ConnectionState.CONNECTED), "user events");
    }
  }

  void remove(Listeners.Handle<UserEventListener> handle) {
    if (listeners.remove(handle)) {
      stop(true);
    }
  }

  /** Stops the stream; with {@code closeKey} the listenKey is closed on the venue too. */
  void stop(boolean closeKey) {
    WsConnection<UserEventDto> c = connection;
    connection = null;
    if (c != null) {
      c.close();
    }
    cancelTimers();
    held.clear();
    recoveryGeneration++;
    phase = Phase.IDLE;
    if (closeKey && listenKey != null) {
      ctx.rest()
          .closeListenKey()
          .whenComplete(
              (v, e) -> {
                if (e != null) {
                  log.info("closing the listenKey failed: {}", WsConnection.describe(e));
                }
              });
    }
    listenKey = null;
  }

  private void cancelTimers() {
    if (keepAliveTimer != null) {
      keepAliveTimer.cancel();
      keepAliveTimer = null;
    }
    if (recoveryRetry != null) {
      recoveryRetry.cancel();
      recoveryRetry = null;
    }
  }

  @Override
  public CompletableFuture<String> url() {
    String key = listenKey;
    if (key != null) {
      return CompletableFuture.completedFuture(urlFor(key));
    }
    return ctx.rest().createListenKey().thenApplyAsync(this::keyCreated, scheduler);
  }

  private String keyCreated(String key) {
    listenKey = key;
    if (keepAliveTimer != null) {
      keepAliveTimer.cancel();
    }
    long period = settings.listenKeyKeepAlive().toMillis();
    keepAliveTimer =
        scheduler.scheduleAtFixedRate(this::keepAlive, period, period, TimeUnit.MILLISECONDS);
    return urlFor(key);
  }

  private String urlFor(String key) {
    String base = MarketStreams.trimSlash(ctx.wsBaseUrl().toString());
    return ctx.legacyPaths() ? base + "/ws/" + key : base + "/private/ws?listenKey=" + key;
  }

  private void keepAlive() {
    String key = listenKey;
    ctx.rest()
        .keepAliveListenKey()
        .whenComplete(
            (v, error) -> {
              if (error != null) {
                WsConnection.handOver(scheduler, () -> keepAliveFailed(key, error));
              }
            });
  }

  private void keepAliveFailed(@Nullable String key, Throwable error) {
    if (key == null || !key.equals(listenKey)) {
      return; // about a key already replaced
    }
    if (unwrap(error) instanceof ExchangeException e && e.code() == LISTEN_KEY_MISSING) {
      renewKey("listenKey no longer exists (-1125)");
    } else {
      log.warn("listenKey keep-alive failed: {}", WsConnection.describe(error));
    }
  }

  /** Forgets the key and reconnects with a new one (a gap: recovery follows). */
  private void renewKey(String reason) {
    log.info("user stream: new listenKey: {}", reason);
    listenKey = null;
    if (keepAliveTimer != null) {
      keepAliveTimer.cancel();
      keepAliveTimer = null;
    }
    WsConnection<UserEventDto> c = connection;
    if (c != null) {
      c.reconnect(reason, 0);
    }
  }

  @Override
  public @Nullable UserEventDto parse(String text) {
    try {
      return ctx.json().userEvent(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a user event: " + e.getMessage(), e);
    }
  }

  @Override
  public void onOpen() {
    if (phase == Phase.FIRST) {
      phase = Phase.LIVE;
      firstOpenTime = scheduler.currentTimeMillis();
      notifyState(ConnectionState.CONNECTED);
    } else if (phase == Phase.GAP || phase == Phase.RECOVERING) {
      phase = Phase.RECOVERING;
      startRecovery();
    }
  }

  @Override
  public void onDown(String reason) {
    if (phase == Phase.LIVE) {
      phase = Phase.GAP;
      notifyState(ConnectionState.DISCONNECTED);
    } else if (phase == Phase.RECOVERING) {
      phase = Phase.GAP;
      recoveryGeneration++;
      if (recoveryRetry != null) {
        recoveryRetry.cancel();
        recoveryRetry = null;
      }
    }
  }

  @Override
  public void onMessage(UserEventDto event) {
    if (event instanceof UserEventDto.ListenKeyExpired expired) {
      String key = listenKey;
      if (key != null && (expired.listenKey.isEmpty() || expired.listenKey.equals(key))) {
        renewKey("listenKeyExpired event");
      }
      return;
    }
    if (event instanceof UserEventDto.Unknown) {
      return; // TRADE_LITE and future event types
    }
    if (phase == Phase.RECOVERING) {
      if (held.size() >= MAX_HELD) {
        held.poll();
        log.warn("user stream: too many events held during recovery; the oldest was dropped");
      }
      held.add(event);
      return;
    }
    deliver(event);
  }

  private void deliver(UserEventDto event) {
    try {
      if (event instanceof UserEventDto.OrderTradeUpdate u) {
        symbolsSeen.add(u.order.symbol);
        Order order = UserEventMapper.order(u);
        Fill fill = UserEventMapper.fill(u);
        deliverOrder(order);
        if (fill != null) {
          deliverFill(fill);
        }
      } else if (event instanceof UserEventDto.AlgoUpdate a) {
        symbolsSeen.add(a.order.symbol);
        deliverOrder(AlgoOrders.order(a));
      } else if (event instanceof UserEventDto.AccountUpdate a) {
        AccountUpdate update = UserEventMapper.account(a);
        listeners.forEach(l -> l.onAccountUpdate(update));
      }
    } catch (IllegalArgumentException e) {
      log.warn("user stream: event {} dropped: {}", event.eventType, e.getMessage());
    }
    lastEventTime = Math.max(lastEventTime, event.eventTime);
  }

  private void deliverOrder(Order order) {
    if (AlgoOrders.isAlgoId(order.orderId())) {
      if (order.status().isOpen()) {
        openAlgos.put(order.orderId(), order.symbol());
      } else {
        openAlgos.remove(order.orderId());
      }
    }
    if (delivered.markOrder(order)) {
      listeners.forEach(l -> l.onOrderUpdate(order));
    }
  }

  private void deliverFill(Fill fill) {
    if (delivered.markFill(fill)) {
      listeners.forEach(l -> l.onFill(fill));
    }
  }

  private void startRecovery() {
    recoveryRetry = null;
    if (phase != Phase.RECOVERING) {
      return;
    }
    int gen = ++recoveryGeneration;
    long start = lastEventTime > 0 ? lastEventTime : firstOpenTime;
    long since = Math.max(0, start - settings.recoveryOverlap().toMillis());
    CompletableFuture<List<GapRecovery.Event>> events;
    try {
      events =
          GapRecovery.recover(ctx.rest(), Set.copyOf(symbolsSeen), Map.copyOf(openAlgos), since);
    } catch (RuntimeException e) {
      events = CompletableFuture.failedFuture(e);
    }
    events.whenComplete(
        (list, error) -> WsConnection.handOver(scheduler, () -> recovered(gen, list, error)));
  }

  private void recovered(
      int gen, @Nullable List<GapRecovery.Event> events, @Nullable Throwable error) {
    if (gen != recoveryGeneration || phase != Phase.RECOVERING) {
      return;
    }
    if (error != null || events == null) {
      long delay = recoveryBackoff.nextDelayMillis();
      log.warn(
          "user stream: recovery failed, retrying in {} ms: {}",
          delay,
          WsConnection.describe(error));
      recoveryRetry = scheduler.schedule(this::startRecovery, delay, TimeUnit.MILLISECONDS);
      return;
    }
    recoveryBackoff.reset();
    for (GapRecovery.Event e : events) {
      lastEventTime = Math.max(lastEventTime, e.time());
      if (e.kind() == GapRecovery.Event.ORDER) {
        symbolsSeen.add(e.order().symbol());
        deliverOrder(e.order());
      } else {
        deliverFill(e.fill());
      }
    }
    phase = Phase.LIVE;
    while (!held.isEmpty()) {
      deliver(held.poll());
    }
    notifyState(ConnectionState.RECONNECTED);
  }

  private void notifyState(ConnectionState state) {
    listeners.forEach(l -> l.onConnectionState(state));
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
