package dev.tradekit.copier;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three copier JVMs (separate processes) on one PostgreSQL journal and FakeBinance, 30 followers
 * and a leader trading all along: the watcher and then a worker are killed with SIGKILL, a fourth
 * instance joins; every follower ends on its exact target and each leader fill was copied once per
 * follower, with no client order id twice at the venue. Runs when {@code -Dtradekit.postgres.url}
 * (or {@code TRADEKIT_POSTGRES_URL}) names a server. A second test stops an instance with SIGSTOP
 * past its lease and resumes it; {@link CopierStallSoak} is its longer version and {@link
 * CopierProcessSoak} the randomised one (both {@code -Pcopier-soak}).
 */
class CopierProcessesIT {
  static final String URL = System.getProperty("tradekit.postgres.url", "").trim();

  @TempDir Path dir;
  private @Nullable ProcessGroup group;

  static void needsAServer() {
    Assumptions.assumeTrue(
        !URL.isEmpty() && !URL.startsWith("${"),
        "no PostgreSQL server: set TRADEKIT_POSTGRES_URL (or -Dtradekit.postgres.url) to"
            + " jdbc:postgresql://127.0.0.1:5432/db?user=.. to run the multi-process copier test");
  }

  @AfterEach
  void destroyProcesses() throws Exception {
    ProcessGroup g = group;
    if (g != null) {
      g.close();
    }
  }

  @Test
  void killedInstancesAreTakenOverAndEveryFillIsCopiedOncePerFollower() throws Exception {
    needsAServer();
    ProcessGroup group = ProcessGroup.start(dir, URL, 30, Duration.ofSeconds(3), 20);
    this.group = group;
    group.startThree();
    group.startLeader(200);
    group.awaitCopies(30);

    // SIGKILL the watcher: another instance watches the leader and works its ten followers
    group.kill("node-1");
    group.awaitNoLeases("node-1");
    group.awaitMoreCopies(20);

    // SIGKILL a worker, then a fourth instance joins the last one
    group.kill("node-2");
    group.awaitNoLeases("node-2");
    group.node("node-4");
    group.awaitEvenSplit("node-3", "node-4");
    group.awaitMoreCopies(20);
    group.stopLeader();
    group.verify();
  }

  /**
   * The short SIGSTOP scenario: a copy the stopped instance was about to send when it stopped
   * reaches the venue after its send deadline and is refused there, so no fill is copied twice when
   * it wakes up. The longer version, with a SIGKILL and a fourth instance, is {@link
   * CopierStallSoak}.
   */
  @Test
  void aStoppedInstanceSendsNoCopyItsSuccessorAlreadySentWhenItWakesUp() throws Exception {
    needsAServer();
    ProcessGroup group = ProcessGroup.start(dir, URL, 30, Duration.ofSeconds(3), 21);
    this.group = group;
    group.startThree();
    group.startLeader(200);
    group.awaitCopies(30);

    // SIGSTOP a worker past its lease: the others take its followers; then it wakes up
    group.stallPastItsLease("node-2", 20);
    group.awaitMoreCopies(20);
    group.stopLeader();
    group.verify();
  }
}
