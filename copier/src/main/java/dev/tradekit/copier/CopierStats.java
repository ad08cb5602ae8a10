package dev.tradekit.copier;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of a copier's counters.
 *
 * <pre>{@code
 * CopierStats s = copier.stats();
 * System.out.println(s.fillsSeen() + " leader fills, last check at " + s.lastCheckTime());
 * }</pre>
 *
 * @param fillsSeen leader fills journaled since start (duplicates and fills before the start point
 *     not counted)
 * @param duplicatesIgnored leader fills seen again (stream and catch-up) and ignored
 * @param lastCheckTime when the last REST catch-up completed (scheduler time), 0 before the first
 * @param followers per follower name, in the order followers were added
 */
public record CopierStats(
    long fillsSeen,
    long duplicatesIgnored,
    long lastCheckTime,
    Map<String, FollowerStats> followers) {

  /** Copies the map. */
  public CopierStats {
    followers = Collections.unmodifiableMap(new LinkedHashMap<>(followers));
  }
}
