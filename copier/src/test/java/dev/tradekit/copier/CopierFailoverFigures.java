package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures of docs/performance.md for a group of copier JVMs on one PostgreSQL journal and
 * FakeBinance with 100 followers: copy latency p50/p99 (leader fill to follower acknowledgement)
 * with one and with three instances, and failover time (SIGKILL to the first copy acknowledged by
 * the new owner of the killed instance's followers) for a worker and for the watcher, with a 5 s
 * lease. Prints the numbers; only in the {@code copier-figures} profile:
 *
 * <pre>{@code
 * ./mvnw -B -pl copier -am verify -Pcopier-figures
 * }</pre>
 */
class CopierFailoverFigures {
  private static final int FOLLOWERS = 100;
  private static final Duration LEASE = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void printsLatencyAndFailoverFigures() throws Exception {
    CopierProcessesIT.needsAServer();
    try (ProcessGroup g =
        ProcessGroup.start(sub("one"), CopierProcessesIT.URL, FOLLOWERS, LEASE, 1)) {
      g.node("node-1");
      g.awaitEvenSplit("node-1");
      g.startLeader(500);
      g.awaitCopies(FOLLOWERS * 30);
      g.stopLeader();
      g.verify();
      print("1 instance", g.latencies());
    }
    try (ProcessGroup g =
        ProcessGroup.start(sub("three"), CopierProcessesIT.URL, FOLLOWERS, LEASE, 2)) {
      g.node("node-1");
      g.awaitWatcher("node-1");
      g.node("node-2");
      g.node("node-3");
      g.awaitEvenSplit("node-1", "node-2", "node-3");
      g.startLeader(500);
      g.awaitCopies(FOLLOWERS * 30);
      print("3 instances", g.latencies());

      String watcher = g.owners().get("watcher");
      String worker =
          List.of("node-1", "node-2", "node-3").stream()
              .filter(n -> !n.equals(watcher))
              .findFirst()
              .orElseThrow();
      failover(g, worker, "a worker");
      g.node("node-4");
      g.awaitEvenSplit("node-4");
      failover(g, String.valueOf(g.owners().get("watcher")), "the watcher");
      g.stopLeader();
      g.verify();
    }
  }

  private Path sub(String name) throws java.io.IOException {
    return Files.createDirectories(dir.resolve(name));
  }

  private static void failover(ProcessGroup g, String victim, String what) throws Exception {
    Set<String> owned = new TreeSet<>();
    for (Map.Entry<String, String> e : g.owners().entrySet()) {
      if (e.getValue().equals(victim) && e.getKey().startsWith("follower:")) {
        owned.add(e.getKey().substring("follower:".length()));
      }
    }
    assertThat(owned).as(victim + " owns followers").isNotEmpty();
    g.kill(victim);
    // after the process is gone: no copy it made can carry a later acknowledgement time
    long killedAt = System.currentTimeMillis();
    g.await(
        "a copy for " + victim + "'s followers after the kill",
        () -> {
          try {
            return g.firstCopyAfter(killedAt, owned) != Long.MAX_VALUE;
          } catch (java.sql.SQLException e) {
            return false;
          }
        });
    long first = g.firstCopyAfter(killedAt, owned);
    g.awaitNoLeases(victim);
    long allTaken = System.currentTimeMillis();
    System.out.printf(
        "FIGURE failover of %s (%s, %d followers, lease %d ms): %d ms from SIGKILL to the first"
            + " copy by the new owner, all its leases taken after at most %d ms%n",
        what, victim, owned.size(), LEASE.toMillis(), first - killedAt, allTaken - killedAt);
  }

  private static void print(String what, List<Long> latencies) {
    List<Long> sorted = new ArrayList<>(latencies);
    sorted.sort(null);
    assertThat(sorted).isNotEmpty();
    System.out.printf(
        "FIGURE copy latency, %s, %d followers: p50 %d ms, p99 %d ms over %d copies%n",
        what,
        FOLLOWERS,
        sorted.get(sorted.size() / 2),
        sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
        sorted.size());
  }
}
