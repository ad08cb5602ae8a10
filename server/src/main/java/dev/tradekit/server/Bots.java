package dev.tradekit.server;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.runtime.LiveScheduler;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bots: starts an engine from a stored definition (keys from the vault, the venue from
 * the exchange factory), stops it with the engine's own stop, applies live changes, and keeps the
 * stored state true ({@code stopped}, {@code starting}, {@code running}, {@code paused}, {@code
 * error}).
 *
 * <p>Restart rule: {@link #close()} stops every engine but leaves its stored state {@code running}
 * or {@code paused}; the next start of the control plane starts those bots again ({@link
 * #resume()}; the copier from its journal; a paused bot is paused again as soon as it runs). A bot
 * stopped through the API, or one whose engine stopped itself, is not resumed.
 *
 * <p>Engine events are handed to one publishing thread with a bounded queue (10,000 events), so an
 * engine's thread never waits for the store; when the queue is full, events are dropped and
 * counted.
 */
final class Bots implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Bots.class);
  private static final long START_SECONDS = 60;
  private static final long STOP_SECONDS = 30;
  static final Set<String> INCOME_TYPES = Set.of("REALIZED_PNL", "COMMISSION", "FUNDING_FEE");

  /** One running engine and the context it owns. */
  static final class Entry {
    final Store.Bot bot;
    final BotRun run;
    final BotContext ctx;
    final BotMeters meters;
    volatile boolean stopping;

    /** When the engine last started (epoch millis of the control plane's clock); 0 before. */
    volatile long startedAt;

    Entry(Store.Bot bot, BotRun run, BotContext ctx, BotMeters meters) {
      this.bot = bot;
      this.run = run;
      this.ctx = ctx;
      this.meters = meters;
    }
  }

  private final Store store;
  private final Vault vault;
  private final EventHub hub;
  private final Clock clock;
  private final ControlPlane.ExchangeFactory factory;
  private final Path journalDir;
  private final Map<String, Entry> running = new ConcurrentHashMap<>();
  private final Map<String, String> lastError = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Metrics metrics;
  private final Map<String, BotMeters> meters = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor out;
  private final AtomicLong droppedEvents = new AtomicLong();
  private volatile boolean closed;

  Bots(
      Store store,
      Vault vault,
      EventHub hub,
      Clock clock,
      ControlPlane.ExchangeFactory factory,
      Path journalDir,
      Metrics metrics) {
    this.store = store;
    this.metrics = metrics;
    this.vault = vault;
    this.hub = hub;
    this.clock = clock;
    this.factory = factory;
    this.journalDir = journalDir;
    this.out =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(10_000),
            r -> {
              Thread t = new Thread(r, "tradekit-bot-events");
              t.setDaemon(true);
              return t;
            },
            (r, pool) -> {
              if (droppedEvents.incrementAndGet() % 1000 == 1) {
                LOG.warn("control plane: bot events are dropped; the store cannot keep up");
              }
            });
  }

  private Object lock(String botId) {
    return locks.computeIfAbsent(botId, k -> new Object());
  }

  /** The running engine of a bot, or null. */
  @Nullable BotRun run(String botId) {
    Entry e = running.get(botId);
    return e == null ? null : e.run;
  }

  /**
   * When the bot's running engine last started (epoch millis), or 0 when it does not run; a pause
   * does not restart the count, a stop and start does.
   */
  long startedAt(String botId) {
    Entry e = running.get(botId);
    return e == null ? 0 : e.startedAt;
  }

  /** The engines that have started and are not stopping, by bot id. */
  Map<String, BotRun> started() {
    Map<String, BotRun> out = new TreeMap<>();
    for (Entry e : running.values()) {
      if (e.startedAt != 0 && !e.stopping) {
        out.put(e.bot.id(), e.run);
      }
    }
    return out;
  }

  /** The control plane's clock (epoch millis), for uptimes a browser counts on from. */
  long now() {
    return clock.millis();
  }

  /** Why the bot last failed to start or stopped on its own; null if it did not. */
  @Nullable String lastError(String botId) {
    return lastError.get(botId);
  }

  long droppedEvents() {
    return droppedEvents.get();
  }

  /** Publishes a bot event (the bot's id added to its data) on the publishing thread. */
  void publish(Store.Bot bot, String type, Map<String, Object> data) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bot", bot.id());
    m.putAll(data);
    long at = clock.millis();
    out.execute(() -> publishNow(bot.owner(), type, m, at));
  }

  private void publishNow(String owner, String type, Map<String, Object> data, long at) {
    try {
      hub.publish(owner, type, data, at);
    } catch (RuntimeException e) {
      LOG.warn("control plane: bot event {} could not be stored: {}", type, e.toString());
    }
  }

  /**
   * Records the bot's new state and its event ({@code type}, with the bot's id added to {@code
   * data}) in one store transaction, together with the event's notifications (the outbox): all
   * three commit, or none does and the exception propagates.
   */
  private Store.Bot transition(Store.Bot b, String state, String type, Map<String, Object> data) {
    Store.Bot updated = withState(b, state);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bot", b.id());
    m.putAll(data);
    hub.publish(updated.owner(), type, m, updated.updatedAt(), () -> store.updateBot(updated));
    return updated;
  }

  private Store.Bot setState(Store.Bot b, String state) {
    Store.Bot updated = withState(b, state);
    store.updateBot(updated);
    return updated;
  }

  private Store.Bot withState(Store.Bot b, String state) {
    Store.Bot now = store.bot(b.id()).orElse(b);
    return new Store.Bot(
        now.id(),
        now.owner(),
        now.kind(),
        now.name(),
        now.configJson(),
        state,
        now.createdAt(),
        clock.millis());
  }

  private BotRun create(Store.Bot b, BotContext ctx) {
    Map<String, Object> def = Json.readObject(b.configJson());
    String keyId = String.valueOf(def.get("keyId"));
    Map<String, Object> config = Json.objectAt(def, "config");
    return switch (b.kind()) {
      case "copier" -> new CopierRun(ctx, keyId, config);
      case "scanner" -> new ScannerRun(ctx, keyId, config);
      default -> new MarketMakerRun(ctx, b.kind(), keyId, config);
    };
  }

  /**
   * Starts the bot's engine and waits until it runs (at most 60 s).
   *
   * @throws ApiException 409 {@code bot-running} if it already runs, {@code start-failed} if the
   *     engine could not start (the bot is then in state {@code error})
   */
  Store.Bot start(Store.Bot bot) {
    synchronized (lock(bot.id())) {
      if (closed) {
        throw ApiException.conflict("closing", "the control plane is shutting down");
      }
      if (running.containsKey(bot.id())) {
        throw ApiException.conflict("bot-running", "bot " + bot.id() + " is already running");
      }
      Store.Bot b = setState(bot, "starting");
      lastError.remove(b.id());
      LiveScheduler scheduler =
          LiveScheduler.create(
              "bot-" + b.id(),
              t -> LOG.warn("control plane: bot {} task failed: {}", b.id(), t.toString()));
      Entry[] self = new Entry[1];
      String provider = String.valueOf(Json.readObject(b.configJson()).get("provider"));
      BotMeters m = meters.computeIfAbsent(b.id(), id -> metrics.bot(id, b.kind(), provider));
      BotContext ctx =
          new BotContext(
              b.id(),
              b.owner(),
              provider,
              scheduler,
              journalDir,
              factory,
              vault,
              (type, data) -> {
                m.onEvent(type, data);
                onEngineEvent(b, self[0], type, data);
              });
      BotRun run;
      try {
        run = create(b, ctx);
      } catch (RuntimeException e) {
        ctx.close();
        throw failed(b, e);
      }
      Entry entry = new Entry(b, run, ctx, m);
      self[0] = entry;
      running.put(b.id(), entry);
      try {
        run.start().get(START_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        release(entry);
        throw failed(b, e);
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        release(entry);
        throw failed(b, e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
      }
      entry.startedAt = clock.millis();
      m.bindGauges(run.gauges());
      Store.Bot now = transition(b, "running", "bot.started", Map.of("state", "running"));
      LOG.info("control plane: bot {} ({}) started", b.id(), b.kind());
      return now;
    }
  }

  private ApiException failed(Store.Bot b, Throwable cause) {
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    lastError.put(b.id(), message);
    transition(b, "error", "bot.error", Map.of("state", "error", "message", message));
    LOG.warn("control plane: bot {} could not start: {}", b.id(), message);
    return new ApiException(
        409,
        "start-failed",
        "Start failed",
        "bot " + b.id() + " could not start: " + message,
        null);
  }

  private void release(Entry e) {
    running.remove(e.bot.id(), e);
    e.meters.unbindGauges();
    try {
      e.run.close();
    } catch (RuntimeException x) {
      LOG.debug("closing bot {}: {}", e.bot.id(), x.toString());
    }
    e.ctx.close();
  }

  private void onEngineEvent(
      Store.Bot b, @Nullable Entry entry, String type, Map<String, Object> data) {
    publish(b, type, data);
    if (entry == null || entry.stopping || !running.containsKey(b.id())) {
      return;
    }
    if (type.equals("bot.engine.error")) {
      lastError.put(b.id(), String.valueOf(data.get("message")));
    }
    if (type.equals("bot.engine.stopped")) {
      // the engine stopped itself (a risk limit, a fatal error): record it and let go of it
      entry.stopping = true;
      String reason = lastError.getOrDefault(b.id(), String.valueOf(data.get("reason")));
      lastError.put(b.id(), reason);
      out.execute(
          () -> {
            synchronized (lock(b.id())) {
              release(entry);
              try {
                transition(b, "error", "bot.error", Map.of("state", "error", "message", reason));
              } catch (RuntimeException e) {
                LOG.warn("control plane: bot {} error state not stored: {}", b.id(), e.toString());
              }
            }
          });
    }
  }

  /**
   * Stops the bot with the engine's own stop (or its emergency stop), waits for it (at most 30 s)
   * and records {@code stopped}. Stopping a bot that does not run only records {@code stopped}.
   */
  Store.Bot stop(Store.Bot bot, boolean emergency, boolean flatten, String why) {
    synchronized (lock(bot.id())) {
      Entry e = running.get(bot.id());
      if (e != null) {
        e.stopping = true;
        try {
          (emergency ? e.run.emergencyStop(flatten) : e.run.stop())
              .get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException x) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException x) {
          Throwable c = x instanceof ExecutionException && x.getCause() != null ? x.getCause() : x;
          lastError.put(bot.id(), "stop: " + c.getMessage());
          LOG.warn("control plane: bot {} did not stop cleanly: {}", bot.id(), c.toString());
        } finally {
          release(e);
        }
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("state", "stopped");
      data.put("reason", why);
      data.put("emergency", emergency);
      return transition(bot, "stopped", "bot.stopped", data);
    }
  }

  /**
   * Pauses or resumes a running bot ({@link BotRun#pause()}: connected, no new orders) and records
   * {@code paused} or {@code running}; a paused bot stays paused across a restart of the control
   * plane. Pausing a paused bot, or resuming a running one, changes nothing.
   *
   * @throws ApiException 409 {@code bot-not-running} when the bot does not run
   */
  Store.Bot pause(Store.Bot bot, boolean pause, String why) {
    synchronized (lock(bot.id())) {
      Entry e = running.get(bot.id());
      if (e == null) {
        Store.Bot now = store.bot(bot.id()).orElse(bot);
        throw ApiException.conflict(
            "bot-not-running", "bot " + bot.id() + " is " + now.state() + "; start it first");
      }
      if (pause) {
        e.run.pause();
      } else {
        e.run.resume();
      }
      String state = pause ? "paused" : "running";
      Store.Bot now = setState(bot, state);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("state", state);
      data.put("reason", why);
      publish(now, pause ? "bot.paused" : "bot.resumed", data);
      LOG.info("control plane: bot {} {}", bot.id(), state);
      return now;
    }
  }

  /**
   * The bot's history page ({@link BotRun#recent}); a market-maker, grid or DCA bot that does not
   * run answers from its fill log, so its history of earlier runs stays readable.
   *
   * @throws ApiException 409 {@code bot-not-running} when the bot neither runs nor has a log
   */
  List<Map<String, Object>> history(
      Store.Bot bot, int offset, int limit, Map<String, String> filter) {
    BotRun run = run(bot.id());
    if (run != null) {
      return run.recent(offset, limit, filter);
    }
    Path file = FillLog.file(journalDir, bot.id());
    if (!bot.kind().equals("copier") && !bot.kind().equals("scanner") && Files.exists(file)) {
      try (FillLog log = new FillLog(file, bot.id())) {
        return log.page(offset, limit, filter.get("symbol"), filter.get("side"));
      }
    }
    throw ApiException.conflict(
        "bot-not-running", "bot " + bot.id() + " is " + bot.state() + "; start it first");
  }

  /**
   * Applies a changed configuration to a running engine; does nothing when the bot does not run.
   *
   * @throws ApiException 409 {@code restart-required} if the engine cannot take it live
   */
  void apply(Store.Bot bot, Map<String, Object> beforeDef, Map<String, Object> afterDef) {
    synchronized (lock(bot.id())) {
      Entry e = running.get(bot.id());
      if (e == null) {
        return;
      }
      if (!String.valueOf(beforeDef.get("keyId")).equals(String.valueOf(afterDef.get("keyId")))) {
        throw BotRun.restartRequired("the bot's key");
      }
      e.run.apply(Json.objectAt(beforeDef, "config"), Json.objectAt(afterDef, "config"));
    }
  }

  /**
   * The bot's PnL by asset, today (since 00:00 UTC) and since creation. A market-maker, grid or DCA
   * bot counts its own fills only ({@code counts: bot-fills}, {@link MarketMakerRun#pnl}); a copier
   * counts the income of its follower accounts ({@code counts: account-income}).
   */
  Map<String, Object> pnl(Store.Bot bot, BotRun run) {
    long now = clock.millis();
    long midnight =
        LocalDate.ofEpochDay(now / 86_400_000L)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .toEpochMilli();
    if (run instanceof MarketMakerRun mm) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("bot", bot.id());
      body.put("accounts", List.of("bot"));
      body.put("since", bot.createdAt());
      body.put("todaySince", midnight);
      body.putAll(mm.pnl(midnight));
      return body;
    }
    Map<String, Map<String, BigDecimal>> byAsset = new TreeMap<>();
    BigDecimal unrealized = BigDecimal.ZERO;
    List<String> accounts = new ArrayList<>();
    for (Map.Entry<String, Exchange> a : run.accounts().entrySet()) {
      if (a.getKey().equals("leader")) {
        continue;
      }
      accounts.add(a.getKey());
      List<Income> income = Venue.get(a.getValue().account().income(null, bot.createdAt(), now));
      for (Income i : income) {
        if (!INCOME_TYPES.contains(i.type())) {
          continue;
        }
        Map<String, BigDecimal> m = byAsset.computeIfAbsent(i.asset(), k -> new TreeMap<>());
        m.merge("total", i.amount(), BigDecimal::add);
        m.merge(i.type().toLowerCase(java.util.Locale.ROOT), i.amount(), BigDecimal::add);
        m.merge("today", i.time() >= midnight ? i.amount() : BigDecimal.ZERO, BigDecimal::add);
      }
      for (var p : Venue.get(a.getValue().account().positions())) {
        unrealized = unrealized.add(p.unrealizedPnl());
      }
    }
    Map<String, Object> currencies = new LinkedHashMap<>();
    byAsset.forEach(
        (asset, m) -> {
          Map<String, Object> c = new LinkedHashMap<>();
          m.forEach((k, v) -> c.put(k, EngineJson.dec(v)));
          c.putIfAbsent("today", "0");
          currencies.put(asset, c);
        });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bot", bot.id());
    body.put("counts", "account-income");
    body.put("accounts", accounts);
    body.put("since", bot.createdAt());
    body.put("todaySince", midnight);
    body.put("currencies", currencies);
    body.put("unrealizedPnl", EngineJson.dec(unrealized));
    return body;
  }

  /** Forgets a deleted bot: removes its meters. */
  void deleted(String botId) {
    meters.remove(botId);
    metrics.removeBot(botId);
  }

  /** Starts again every bot the store says was running when the control plane last stopped. */
  void resume() {
    Thread t =
        new Thread(
            () -> {
              for (Store.Bot b : store.bots(null)) {
                if (closed) {
                  return;
                }
                boolean paused = b.state().equals("paused");
                if (paused || b.state().equals("running") || b.state().equals("starting")) {
                  String outcome = "ok";
                  try {
                    Store.Bot started = start(b);
                    if (paused) {
                      pause(started, true, "paused before the restart");
                    }
                  } catch (RuntimeException e) {
                    outcome = "failed";
                  }
                  store.appendAudit(
                      new Store.AuditEntry(
                          0,
                          clock.millis(),
                          "-",
                          "control-plane",
                          "bot.resume",
                          "bot " + b.id(),
                          "-",
                          outcome));
                }
              }
            },
            "tradekit-bot-resume");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Stops every running engine with its own stop, waiting for each (at most 30 s), and leaves the
   * stored state {@code running} so the next start resumes them.
   */
  @Override
  public void close() {
    closed = true;
    for (Entry e : List.copyOf(running.values())) {
      synchronized (lock(e.bot.id())) {
        e.stopping = true;
        try {
          e.run.stop().get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException x) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException x) {
          LOG.warn("control plane: bot {} did not stop cleanly: {}", e.bot.id(), x.toString());
        } finally {
          release(e);
        }
      }
    }
    out.shutdown();
    try {
      if (!out.awaitTermination(10, TimeUnit.SECONDS)) {
        out.shutdownNow();
      }
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
    }
  }
}
