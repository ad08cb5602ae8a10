package dev.tradekit.notify;

import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@link NotifyEvent events} into messages on each user's {@link Channel channels}, per their
 * {@link Preference preferences}, through a durable {@link Outbox}: at least once, with exponential
 * backoff and jitter, coalescing bursts, dead-lettering what keeps failing.
 *
 * <pre>{@code
 * Notifier notifier = Notifier.builder()
 *     .scheduler(scheduler)
 *     .outbox(JdbcOutbox.create(dataSource))
 *     .preferences(PreferenceStore.of(List.of(Preference.of("alice", "telegram", "42"))))
 *     .channel(TelegramChannel.builder().secrets(vault).build())
 *     .build();
 * notifier.start();                 // delivers on its own thread every pollInterval
 * notifier.enqueue(filledEvent);    // or enqueue(connection, event) inside your transaction
 * }</pre>
 *
 * <p><b>Coalescing rule.</b> A new row becomes due {@code coalesceWindow} (default 1 s) after it is
 * enqueued. When the worker runs, the due rows with the same user, channel, address, bot and kind
 * go out as one message listing the count (at most {@code maxCoalesce}, default 100, per message),
 * so 100 fills within a second become one message "100 x Order filled". Use {@link Duration#ZERO}
 * to send each event on its own as soon as the worker runs.
 *
 * <p><b>Retries.</b> A {@link DeliveryResult.Retry} makes the rows due again after {@code
 * min(backoffMax, backoffBase * 2^(attempts-1))}, of which a random half is jitter; after {@code
 * maxAttempts} failed attempts they become dead letters. {@link DeliveryResult.Throttled} waits the
 * given time and does not count. {@link DeliveryResult.Disable} disables the channel for the user
 * (see {@link #disabledChannels()}) and dead-letters the rows; later rows for it are dead-lettered
 * until {@link #enableChannel}.
 *
 * <p><b>Quiet hours.</b> During a preference's {@link QuietHours} a message goes out silently
 * unless its severity is {@link Severity#CRITICAL}; a silent preference is always silent.
 *
 * <p>Threading: {@link #enqueue} may be called from any thread. Delivery runs on one thread: the
 * notifier's own after {@link #start()}, or the caller's in {@link #deliverDue()} (tests). Time
 * comes only from the {@link Scheduler}.
 */
public final class Notifier implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

  private final Scheduler scheduler;
  private final Outbox outbox;
  private final PreferenceStore preferences;
  private final Map<String, Channel> channels;
  private final Duration coalesceWindow;
  private final int maxCoalesce;
  private final int maxAttempts;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final Duration pollInterval;
  private final int batchSize;
  private final Random random;
  private final Object deliveryLock = new Object();
  private final AtomicBoolean busy = new AtomicBoolean();
  private @Nullable ExecutorService worker;
  private @Nullable Cancellable tick;

  private Notifier(Builder b) {
    this.scheduler = Objects.requireNonNull(b.scheduler);
    this.outbox = Objects.requireNonNull(b.outbox);
    this.preferences = Objects.requireNonNull(b.preferences);
    this.channels = Map.copyOf(b.channels);
    this.coalesceWindow = b.coalesceWindow;
    this.maxCoalesce = b.maxCoalesce;
    this.maxAttempts = b.maxAttempts;
    this.backoffBase = b.backoffBase;
    this.backoffMax = b.backoffMax;
    this.pollInterval = b.pollInterval;
    this.batchSize = b.batchSize;
    this.random = b.random;
  }

  /** A builder; {@code scheduler}, {@code outbox} and {@code preferences} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes one outbox row per preference of the event's user that wants it; returns how many.
   * Enqueuing the same event id again adds nothing.
   */
  public int enqueue(NotifyEvent event) {
    List<Outbox.Row> rows = rowsFor(event);
    outbox.add(rows);
    return rows.size();
  }

  /**
   * Like {@link #enqueue(NotifyEvent)} but on the caller's connection, inside the caller's
   * transaction: the event commits or rolls back with the state change that caused it.
   *
   * @throws IllegalStateException if the outbox is not a {@link JdbcOutbox}
   */
  public int enqueue(Connection transaction, NotifyEvent event) throws SQLException {
    if (!(outbox instanceof JdbcOutbox jdbc)) {
      throw new IllegalStateException("enqueue(Connection, ...) needs a JdbcOutbox");
    }
    List<Outbox.Row> rows = rowsFor(event);
    jdbc.add(transaction, rows);
    return rows.size();
  }

  private List<Outbox.Row> rowsFor(NotifyEvent event) {
    long due = scheduler.currentTimeMillis() + coalesceWindow.toMillis();
    List<Outbox.Row> rows = new ArrayList<>();
    for (Preference p : preferences.preferencesOf(event.userId())) {
      if (p.wants(event)) {
        rows.add(Outbox.Row.pending(p.channel(), p.address(), event, due));
      }
    }
    return rows;
  }

  /**
   * Delivers every row due now, coalescing bursts; returns the number of messages attempted. Runs
   * on the caller's thread (the worker thread after {@link #start()}); calls never overlap.
   */
  public int deliverDue() {
    synchronized (deliveryLock) {
      long now = scheduler.currentTimeMillis();
      List<Outbox.Row> due = outbox.due(now, batchSize);
      if (due.isEmpty()) {
        return 0;
      }
      Map<String, String> disabled = new HashMap<>();
      for (Outbox.DisabledChannel d : outbox.disabledChannels()) {
        disabled.put(d.userId() + '\n' + d.channel(), d.reason());
      }
      int attempted = 0;
      for (List<Outbox.Row> group : coalesce(due)) {
        deliverGroup(group, now, disabled);
        attempted++;
      }
      return attempted;
    }
  }

  private List<List<Outbox.Row>> coalesce(List<Outbox.Row> due) {
    Map<String, List<Outbox.Row>> open = new LinkedHashMap<>();
    List<List<Outbox.Row>> groups = new ArrayList<>();
    for (Outbox.Row r : due) {
      NotifyEvent e = r.event();
      String key =
          e.userId() + '\n' + r.channel() + '\n' + r.address() + '\n' + e.botId() + '\n' + e.kind();
      List<Outbox.Row> g = open.get(key);
      if (g == null || g.size() >= maxCoalesce) {
        g = new ArrayList<>();
        open.put(key, g);
        groups.add(g);
      }
      g.add(r);
    }
    return groups;
  }

  private void deliverGroup(List<Outbox.Row> group, long now, Map<String, String> disabled) {
    Outbox.Row first = group.get(0);
    NotifyEvent e = first.event();
    List<String> ids = group.stream().map(Outbox.Row::deliveryId).toList();
    Channel channel = channels.get(first.channel());
    if (channel == null) {
      outbox.markDead(ids, "no channel registered with id " + first.channel(), now);
      return;
    }
    String disabledReason = disabled.get(e.userId() + '\n' + first.channel());
    if (disabledReason != null) {
      outbox.markDead(ids, "channel disabled: " + disabledReason, now);
      return;
    }
    List<NotifyEvent> events = group.stream().map(Outbox.Row::event).toList();
    String key = events.size() == 1 ? e.id() : e.id() + "+" + (events.size() - 1);
    Delivery delivery =
        new Delivery(
            key,
            e.userId(),
            first.channel(),
            first.address(),
            events,
            silent(e, first, Instant.ofEpochMilli(now)));
    DeliveryResult result;
    try {
      result = channel.deliver(delivery);
    } catch (RuntimeException ex) {
      result = DeliveryResult.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage());
    }
    if (result instanceof DeliveryResult.Delivered) {
      outbox.markDelivered(ids, now);
    } else if (result instanceof DeliveryResult.Throttled t) {
      outbox.reschedule(ids, now + Math.max(1, t.delay().toMillis()), 0, t.reason());
    } else if (result instanceof DeliveryResult.Retry r) {
      int attempts = group.stream().mapToInt(Outbox.Row::attempts).max().orElse(0) + 1;
      if (attempts >= maxAttempts) {
        outbox.markDead(ids, r.error(), now);
      } else {
        outbox.reschedule(ids, now + backoffMillis(attempts), 1, r.error());
      }
    } else if (result instanceof DeliveryResult.Disable d) {
      outbox.disableChannel(e.userId(), first.channel(), d.reason(), now);
      disabled.put(e.userId() + '\n' + first.channel(), d.reason());
      outbox.markDead(ids, d.reason(), now);
    }
  }

  private boolean silent(NotifyEvent e, Outbox.Row row, Instant now) {
    for (Preference p : preferences.preferencesOf(e.userId())) {
      if (p.channel().equals(row.channel()) && p.address().equals(row.address())) {
        QuietHours q = p.quietHours();
        boolean quiet = q != null && q.contains(now) && !e.severity().atLeast(Severity.CRITICAL);
        return p.silent() || quiet;
      }
    }
    return false;
  }

  /** The backoff before attempt {@code attempts + 1}: half fixed, half random. */
  long backoffMillis(int attempts) {
    long base = backoffBase.toMillis();
    long max = backoffMax.toMillis();
    long delay = attempts >= 40 ? max : Math.min(max, base << Math.max(0, attempts - 1));
    long half = delay / 2;
    return half + (half > 0 ? (long) (random.nextDouble() * (delay - half)) : 0);
  }

  /** The dead letters (newest first, at most {@code limit}) with their last error. */
  public List<Outbox.Row> deadLetters(int limit) {
    return outbox.deadLetters(limit);
  }

  /** Puts a dead letter back in the queue now; false if there is none with that id. */
  public boolean retryDeadLetter(String deliveryId) {
    return outbox.retryDeadLetter(deliveryId, scheduler.currentTimeMillis());
  }

  /** The channels disabled by a permanent refusal, for the dashboard. */
  public List<Outbox.DisabledChannel> disabledChannels() {
    return outbox.disabledChannels();
  }

  /** Enables {@code channel} for {@code userId} again. */
  public void enableChannel(String userId, String channel) {
    outbox.enableChannel(userId, channel);
  }

  /**
   * Starts delivering: every {@code pollInterval} the scheduler hands {@link #deliverDue()} to the
   * notifier's own worker thread (skipped while a pass is still running).
   *
   * @throws IllegalStateException if already started
   */
  public synchronized void start() {
    if (worker != null) {
      throw new IllegalStateException("already started");
    }
    ExecutorService w =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "tradekit-notify");
              t.setDaemon(true);
              return t;
            });
    worker = w;
    tick =
        scheduler.scheduleAtFixedRate(
            () -> {
              if (busy.compareAndSet(false, true)) {
                w.execute(this::pass);
              }
            },
            0,
            pollInterval.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  private void pass() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "notify delivery pass failed", e);
    } finally {
      busy.set(false);
    }
  }

  /** Stops the worker (waits up to 30 s for a running pass); rows stay in the outbox. */
  @Override
  public synchronized void close() {
    Cancellable t = tick;
    if (t != null) {
      t.cancel();
    }
    ExecutorService w = worker;
    if (w != null) {
      w.shutdown();
      try {
        w.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    worker = null;
    tick = null;
  }

  @Override
  public String toString() {
    return "Notifier" + channels.keySet();
  }

  /** Builds a {@link Notifier}; validates eagerly. */
  public static final class Builder {
    private @Nullable Scheduler scheduler;
    private @Nullable Outbox outbox;
    private @Nullable PreferenceStore preferences;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private Duration coalesceWindow = Duration.ofSeconds(1);
    private int maxCoalesce = 100;
    private int maxAttempts = 10;
    private Duration backoffBase = Duration.ofSeconds(5);
    private Duration backoffMax = Duration.ofHours(1);
    private Duration pollInterval = Duration.ofMillis(500);
    private int batchSize = 500;
    private Random random = new Random();

    private Builder() {}

    /** The clock and timer (required). */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** The durable outbox (required). */
    public Builder outbox(Outbox outbox) {
      this.outbox = Objects.requireNonNull(outbox, "outbox");
      return this;
    }

    /** Where preferences come from (required). */
    public Builder preferences(PreferenceStore preferences) {
      this.preferences = Objects.requireNonNull(preferences, "preferences");
      return this;
    }

    /**
     * Adds a channel under its {@link Channel#id()}; default none (rows for a missing channel are
     * dead-lettered).
     *
     * @throws IllegalArgumentException if a channel with that id was added already
     */
    public Builder channel(Channel channel) {
      Objects.requireNonNull(channel, "channel");
      if (channels.putIfAbsent(channel.id(), channel) != null) {
        throw new IllegalArgumentException("two channels with id " + channel.id());
      }
      return this;
    }

    /** How long a new row waits for others to coalesce with; default 1 s, zero allowed. */
    public Builder coalesceWindow(Duration window) {
      this.coalesceWindow = nonNegative(window, "coalesceWindow");
      return this;
    }

    /** The most events in one message; default 100. */
    public Builder maxCoalesce(int max) {
      this.maxCoalesce = positive(max, "maxCoalesce");
      return this;
    }

    /** Failed attempts before a row is dead-lettered; default 10. */
    public Builder maxAttempts(int max) {
      this.maxAttempts = positive(max, "maxAttempts");
      return this;
    }

    /** The first retry delay (doubled each attempt); default 5 s. */
    public Builder backoffBase(Duration base) {
      this.backoffBase = positive(base, "backoffBase");
      return this;
    }

    /** The largest retry delay; default 1 h. */
    public Builder backoffMax(Duration max) {
      this.backoffMax = positive(max, "backoffMax");
      return this;
    }

    /** How often the worker looks for due rows after {@link #start()}; default 500 ms. */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = positive(interval, "pollInterval");
      return this;
    }

    /** The most rows read per pass; default 500. */
    public Builder batchSize(int size) {
      this.batchSize = positive(size, "batchSize");
      return this;
    }

    /** The jitter source; default a new {@link Random} (pass a seeded one in tests). */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * The notifier.
     *
     * @throws IllegalStateException if scheduler, outbox or preferences is missing, or backoffMax
     *     is below backoffBase
     */
    public Notifier build() {
      if (scheduler == null || outbox == null || preferences == null) {
        throw new IllegalStateException("scheduler, outbox and preferences are required");
      }
      if (backoffMax.compareTo(backoffBase) < 0) {
        throw new IllegalStateException("backoffMax must be at least backoffBase");
      }
      return new Notifier(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
      return d;
    }

    private static Duration positive(Duration d, String name) {
      nonNegative(d, name);
      if (d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }

    private static int positive(int n, String name) {
      if (n <= 0) {
        throw new IllegalArgumentException(name + " must be positive: " + n);
      }
      return n;
    }
  }
}
