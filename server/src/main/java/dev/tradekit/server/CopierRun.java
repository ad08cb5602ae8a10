package dev.tradekit.server;

import dev.tradekit.api.Exchange;
import dev.tradekit.copier.CopierLease;
import dev.tradekit.copier.CopierListener;
import dev.tradekit.copier.CopierStats;
import dev.tradekit.copier.CopyJournal;
import dev.tradekit.copier.CopyJournals;
import dev.tradekit.copier.CopyPlan;
import dev.tradekit.copier.CopyPolicies;
import dev.tradekit.copier.CopyPolicy;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.FollowerStats;
import dev.tradekit.copier.HistoryQuery;
import dev.tradekit.copier.TradeCopier;
import java.math.BigDecimal;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A {@code copier} bot: one {@link TradeCopier} from the bot's key (the leader) to its followers,
 * each named by its vault key id, with a SQLite journal per bot ({@code copier-<bot id>.db} in the
 * journal folder, or the file or PostgreSQL URL of the config's {@code journal}) so a restart
 * resumes exactly once. With an {@code instance} name it is one of several instances sharing the
 * PostgreSQL journal, and its status shows which instance owns which follower. Followers can be
 * added, paused, resumed and removed live; a follower's policy needs a restart.
 */
final class CopierRun implements BotRun {
  private final BotContext ctx;
  private final Exchange leader;
  private final CopyJournal journal;
  private final TradeCopier engine;
  private final Map<String, Exchange> followers = new ConcurrentHashMap<>();
  private volatile boolean paused;
  private volatile Map<String, Object> config;

  CopierRun(BotContext ctx, String keyId, Map<String, Object> config) {
    this.ctx = ctx;
    this.config = config;
    this.leader = ctx.open(keyId);
    this.journal = openJournal(ctx, config);
    TradeCopier.Builder b =
        TradeCopier.builder()
            .leader(leader)
            .journal(journal)
            .scheduler(ctx.scheduler)
            .listener(listener(ctx));
    try {
      Object instance = config.get("instance");
      if (instance != null) {
        b.instance(String.valueOf(instance));
      }
      for (Map<String, Object> f : followers(config)) {
        String name = String.valueOf(f.get("keyId"));
        Exchange ex = ctx.open(name);
        followers.put(name, ex);
        b.follower(name, ex, policy(f), !Boolean.TRUE.equals(f.get("paused")));
      }
      this.engine = b.build();
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  /** The configured journal (a file in the journal folder or a PostgreSQL URL), else the bot's. */
  static CopyJournal openJournal(BotContext ctx, Map<String, Object> config) {
    Object journal = config.get("journal");
    if (journal == null) {
      return CopyJournals.sqlite(ctx.journalDir.resolve("copier-" + ctx.botId + ".db"));
    }
    String at = String.valueOf(journal);
    if (!at.startsWith("jdbc:postgresql:")) {
      return CopyJournals.sqlite(ctx.journalDir.resolve(at));
    }
    try {
      return CopyJournals.jdbc(DriverManager.getConnection(at));
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot open the copier journal " + at + ": " + e.getMessage(), e);
    }
  }

  private static CopierListener listener(BotContext ctx) {
    return new CopierListener() {
      @Override
      public void copied(CopyRecord copy) {
        ctx.event("bot.copy.copied", EngineJson.copy(copy));
      }

      @Override
      public void skipped(CopyRecord copy, String reason) {
        ctx.event("bot.copy.skipped", EngineJson.copy(copy));
      }

      @Override
      public void failed(CopyRecord copy, String reason) {
        ctx.event("bot.copy.failed", EngineJson.copy(copy));
      }

      @Override
      public void followerPaused(String follower, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("follower", follower);
        m.put("reason", reason);
        ctx.event("bot.follower.paused", m);
      }

      @Override
      public void followerResumed(String follower) {
        ctx.event("bot.follower.resumed", Map.of("follower", follower));
      }

      @Override
      public void error(String message, Throwable cause) {
        ctx.event("bot.engine.error", Map.of("message", message));
      }
    };
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> followers(Map<String, Object> config) {
    return (List<Map<String, Object>>) Objects.requireNonNull(config.get("followers"));
  }

  /** The copy policy of a validated follower definition. */
  @SuppressWarnings("unchecked")
  static CopyPolicy policy(Map<String, Object> follower) {
    Map<String, Object> p = (Map<String, Object>) Objects.requireNonNull(follower.get("policy"));
    CopyPolicy policy;
    if ("ratio".equals(p.get("mode"))) {
      policy = CopyPolicies.fixedRatio(new BigDecimal(String.valueOf(p.get("ratio"))));
    } else {
      BigDecimal quantity = new BigDecimal(String.valueOf(p.get("quantity")));
      policy = (context, plan) -> plan.isSkipped() ? plan : plan.withQuantity(quantity);
    }
    Object max = p.get("maxQuantity");
    if (max != null) {
      BigDecimal cap = new BigDecimal(String.valueOf(max));
      policy = policy.andThen((context, plan) -> capped(plan, cap));
    }
    return policy;
  }

  private static CopyPlan capped(CopyPlan plan, BigDecimal cap) {
    return plan.quantity().compareTo(cap) > 0 ? plan.withQuantity(cap) : plan;
  }

  @Override
  public CompletableFuture<Void> start() {
    return engine.start();
  }

  @Override
  public CompletableFuture<Void> stop() {
    engine.stop();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> emergencyStop(boolean flatten) {
    return engine.emergencyStop(flatten);
  }

  /** Pauses every follower (the leader is still watched; its fills are not copied). */
  @Override
  public synchronized void pause() {
    paused = true;
    for (String name : followers.keySet()) {
      join(engine.pauseFollower(name));
    }
  }

  /** Resumes every follower whose own definition is not paused. */
  @Override
  public synchronized void resume() {
    paused = false;
    for (Map.Entry<String, Map<String, Object>> e : byKey(config).entrySet()) {
      if (!Boolean.TRUE.equals(e.getValue().get("paused"))) {
        join(engine.resumeFollower(e.getKey()));
      }
    }
  }

  /**
   * Staleness of the leader's fill stream: the time since the last REST catch-up completed (the
   * copier's scheduler clock; NaN before the first), and the active followers.
   */
  @Override
  public List<BotMeters.GaugeSpec> gauges() {
    return List.of(
        new BotMeters.GaugeSpec(
            "tradekit.bot.stream.staleness",
            "Time since the copier last caught up with the leader's fills",
            "seconds",
            () -> {
              long last = engine.stats().lastCheckTime();
              return last <= 0 ? Double.NaN : (ctx.scheduler.currentTimeMillis() - last) / 1000.0;
            }),
        new BotMeters.GaugeSpec(
            "tradekit.bot.followers.active",
            "Followers that are copying (not paused)",
            null,
            () ->
                engine.stats().followers().values().stream()
                    .filter(FollowerStats::active)
                    .count()));
  }

  @Override
  public Map<String, Object> status() {
    CopierStats s = engine.stats();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", "TradeCopier");
    Object instance = config.get("instance");
    if (instance != null) {
      m.put("instance", instance);
    }
    m.put("paused", paused);
    m.put("fillsSeen", s.fillsSeen());
    m.put("duplicatesIgnored", s.duplicatesIgnored());
    m.put("lastCheckTime", s.lastCheckTime());
    List<Map<String, Object>> fs = new ArrayList<>();
    for (FollowerStats f : s.followers().values()) {
      fs.add(follower(f));
    }
    m.put("followers", fs);
    List<CopierLease> leases = engine.leases();
    if (!leases.isEmpty()) {
      m.put("leases", leases(leases, ctx.scheduler.currentTimeMillis()));
    }
    return m;
  }

  /**
   * Who works what in a group: each lease's owner (null when free), fencing epoch and the millis
   * left until it runs out unless renewed (negative once it has).
   */
  static List<Map<String, Object>> leases(List<CopierLease> leases, long now) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (CopierLease l : leases) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lease", l.name());
      m.put("owner", l.owner());
      m.put("epoch", l.epoch());
      m.put("expiresInMillis", l.expiresAt() - now);
      out.add(m);
    }
    return out;
  }

  static Map<String, Object> follower(FollowerStats f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", f.name());
    m.put("active", f.active());
    m.put("pausedReason", f.pausedReason());
    m.put("copied", f.copied());
    m.put("skipped", f.skipped());
    m.put("failed", f.failed());
    m.put("latencyP50Millis", f.latencyP50Millis());
    m.put("latencyP99Millis", f.latencyP99Millis());
    return m;
  }

  /** Live statistics of one follower, by its key id; null when the copier does not know it. */
  @org.jspecify.annotations.Nullable
  Map<String, Object> followerStats(String keyId) {
    FollowerStats f = engine.stats().followers().get(keyId);
    return f == null ? null : follower(f);
  }

  @Override
  public List<Map<String, Object>> openOrders() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, Exchange> e : accounts().entrySet()) {
      try {
        e.getValue().trading().openOrders().get(30, TimeUnit.SECONDS).stream()
            .map(EngineJson::order)
            .forEach(
                o -> {
                  o.put("account", e.getKey());
                  out.add(o);
                });
      } catch (Exception x) {
        throw new IllegalStateException("open orders of " + e.getKey() + " failed: " + x, x);
      }
    }
    return out;
  }

  @Override
  public List<Map<String, Object>> recent(int offset, int limit, Map<String, String> filter) {
    HistoryQuery q =
        HistoryQuery.builder()
            .follower(filter.get("follower"))
            .symbol(filter.get("symbol"))
            .offset(offset)
            .limit(limit)
            .build();
    return journal.history(q).stream().map(EngineJson::copy).toList();
  }

  @Override
  public Map<String, Exchange> accounts() {
    Map<String, Exchange> m = new LinkedHashMap<>();
    m.put("leader", leader);
    m.putAll(followers);
    return m;
  }

  @Override
  public synchronized void apply(Map<String, Object> before, Map<String, Object> after) {
    for (String key : List.of("journal", "instance")) {
      if (!Objects.equals(before.get(key), after.get(key))) {
        throw BotRun.restartRequired("the copier's " + key);
      }
    }
    config = after;
    Map<String, Map<String, Object>> was = byKey(before);
    Map<String, Map<String, Object>> now = byKey(after);
    for (Map.Entry<String, Map<String, Object>> e : now.entrySet()) {
      Map<String, Object> old = was.get(e.getKey());
      if (old != null && !Objects.equals(old.get("policy"), e.getValue().get("policy"))) {
        throw BotRun.restartRequired("follower " + e.getKey() + "'s policy");
      }
    }
    for (String gone : was.keySet()) {
      if (!now.containsKey(gone)) {
        removeFollower(gone);
      }
    }
    for (Map.Entry<String, Map<String, Object>> e : now.entrySet()) {
      Map<String, Object> old = was.get(e.getKey());
      boolean want = Boolean.TRUE.equals(e.getValue().get("paused"));
      if (old == null) {
        addFollower(e.getValue());
      } else if (want != Boolean.TRUE.equals(old.get("paused"))) {
        if (!paused) {
          join(want ? engine.pauseFollower(e.getKey()) : engine.resumeFollower(e.getKey()));
        }
      }
    }
  }

  private static Map<String, Map<String, Object>> byKey(Map<String, Object> config) {
    Map<String, Map<String, Object>> m = new LinkedHashMap<>();
    for (Map<String, Object> f : followers(config)) {
      m.put(String.valueOf(f.get("keyId")), f);
    }
    return m;
  }

  private void addFollower(Map<String, Object> f) {
    String name = String.valueOf(f.get("keyId"));
    Exchange ex = ctx.open(name);
    followers.put(name, ex);
    join(engine.addFollower(name, ex, policy(f)));
    if (paused || Boolean.TRUE.equals(f.get("paused"))) {
      join(engine.pauseFollower(name));
    }
  }

  private void removeFollower(String name) {
    join(engine.removeFollower(name));
    followers.remove(name);
  }

  private static void join(CompletableFuture<Void> f) {
    f.orTimeout(30, TimeUnit.SECONDS).join();
  }

  @Override
  public void close() {
    journal.close();
  }
}
