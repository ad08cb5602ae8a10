package dev.tradekit.copier;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CopierProcessesIT}'s processes with an instance stopped by SIGSTOP until the others hold
 * its followers, then resumed (profile {@code -Pcopier-soak}). An instance stopped between its last
 * lease check and the order's send sends that copy when it wakes, after its successor sent it too;
 * the venue refuses it because it arrives after its send deadline (docs/copier.md, fencing at the
 * venue). {@link CopierProcessesIT} has the short version in the default build.
 *
 * <pre>{@code
 * ./mvnw -B -pl copier -am verify -Pcopier-soak -Dit.test=CopierStallSoak \
 *     -Dtradekit.postgres.url=jdbc:postgresql://127.0.0.1:5432/postgres?user=tk
 * }</pre>
 */
class CopierStallSoak {
  @TempDir Path dir;
  private @Nullable ProcessGroup group;

  @AfterEach
  void destroyProcesses() throws Exception {
    ProcessGroup g = group;
    if (g != null) {
      g.close();
    }
  }

  @Test
  void killedAndStalledInstancesAreTakenOverAndEveryFillIsCopiedOncePerFollower() throws Exception {
    CopierProcessesIT.needsAServer();
    ProcessGroup group =
        ProcessGroup.start(dir, CopierProcessesIT.URL, 30, Duration.ofSeconds(3), 20);
    this.group = group;
    group.startThree();
    group.startLeader(200);
    group.awaitCopies(30);

    // SIGKILL the watcher: another instance watches the leader and works its ten followers
    group.kill("node-1");
    group.awaitNoLeases("node-1");
    group.awaitMoreCopies(20);

    // SIGSTOP another past its lease: the last one takes everything; then it wakes up
    group.stallPastItsLease("node-2", 20);

    // node-2 either rejoins or, if PostgreSQL ended its session stalled mid-write, stays out
    group.node("node-4");
    group.awaitEvenSplit("node-3", "node-4");
    group.awaitMoreCopies(20);
    group.stopLeader();
    group.verify();
  }
}
