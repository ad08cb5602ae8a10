package dev.tradekit.copier.internal;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.copier.CopyPolicy;
import dev.tradekit.copier.FollowerSettings;
import dev.tradekit.copier.FollowerStats;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One follower's state in a running copier: its account, policy and settings, circuit breaker,
 * lanes (one per symbol), caches and counters. Confined to the copier's scheduler thread except the
 * counters, which {@link #stats()} reads from any thread.
 *
 * <pre>{@code
 * Follower f = new Follower("alice", exchange, policy, true, scheduler);
 * Lane lane = f.lane("BTCUSDT");
 * }</pre>
 */
public final class Follower {
  /** How long an open breaker refuses calls before letting a few through. */
  public static final Duration BREAKER_OPEN_WAIT = Duration.ofSeconds(5);

  final String name;
  final Exchange exchange;
  final CopyPolicy policy;
  final FollowerSettings settings;
  final CircuitBreaker breaker;
  final RiskGuard risk;
  final Map<String, Lane> lanes = new LinkedHashMap<>();
  final Map<String, Instrument> instruments = new HashMap<>();
  final Map<String, Integer> leverageSet = new HashMap<>();
  final Map<String, MarginType> marginTypeSet = new HashMap<>();

  /** Whether the host was told that this follower's venue cannot refuse a late order. */
  boolean unfencedReported;

  @Nullable PositionMode positionMode;
  volatile @Nullable String pausedReason;
  boolean removed;

  /** Whether this instance works the follower: always alone, only under its lease in a group. */
  volatile boolean owned = true;

  final AtomicLong copied = new AtomicLong();
  final AtomicLong skipped = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final LatencyRecorder latency = new LatencyRecorder();

  /** A follower; a disabled one starts paused with the reason "disabled". */
  public Follower(
      String name, Exchange exchange, CopyPolicy policy, boolean enabled, Scheduler scheduler) {
    this.name = name;
    this.exchange = exchange;
    this.policy = policy;
    this.settings = policy.settings(FollowerSettings.DEFAULTS);
    this.risk = new RiskGuard(settings.dailyLossLimit(), settings.maxDrawdown());
    this.pausedReason = enabled ? null : "disabled";
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .clock(new SchedulerClock(scheduler))
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(10)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(50)
            .waitDurationInOpenState(BREAKER_OPEN_WAIT)
            .permittedNumberOfCallsInHalfOpenState(2)
            .build();
    this.breaker = CircuitBreaker.of("copier-follower-" + name, config);
  }

  /** The follower's name. */
  public String name() {
    return name;
  }

  /** The lane of {@code symbol}, created on first use. */
  Lane lane(String symbol) {
    return lanes.computeIfAbsent(symbol, s -> new Lane(this, s));
  }

  /** A snapshot of the counters; safe from any thread. */
  public FollowerStats stats() {
    return new FollowerStats(
        name,
        pausedReason,
        copied.get(),
        skipped.get(),
        failed.get(),
        latency.percentile(50),
        latency.percentile(90),
        latency.percentile(99),
        latency.percentile(100));
  }
}
