package dev.tradekit.copier;

import org.jspecify.annotations.Nullable;

/**
 * One follower's counters since the copier started, and its copy latency (leader fill time to
 * follower acknowledgement, in scheduler milliseconds) over its last 4096 copies.
 *
 * <pre>{@code
 * FollowerStats s = copier.stats().followers().get("alice");
 * System.out.println(s.copied() + " copied, p99 " + s.latencyP99Millis() + " ms");
 * }</pre>
 *
 * @param pausedReason why the follower is paused, {@code null} while it copies
 * @param latencyP50Millis median latency, -1 before the first copy
 * @param latencyP99Millis 99th percentile latency, -1 before the first copy
 * @param latencyMaxMillis the largest latency kept, -1 before the first copy
 */
public record FollowerStats(
    String name,
    @Nullable String pausedReason,
    long copied,
    long skipped,
    long failed,
    long latencyP50Millis,
    long latencyP90Millis,
    long latencyP99Millis,
    long latencyMaxMillis) {

  /** True while the follower copies. */
  public boolean active() {
    return pausedReason == null;
  }
}
