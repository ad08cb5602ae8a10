package dev.tradekit.copier;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short SIGSTOP scenario of the default build: three copier JVMs on one PostgreSQL journal and
 * FakeBinance, 30 followers and a leader trading all along; one instance is stopped with SIGSTOP
 * until the others hold all its leases, then resumed with SIGCONT. A copy it was about to send when
 * it stopped reaches the venue after its send deadline and is refused there, so every follower ends
 * on its exact target and no fill is copied twice. The longer version, with a SIGKILL and a fourth
 * instance, is {@link CopierStallSoak} ({@code -Pcopier-soak}).
 */
class CopierStallIT {
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
  void aStoppedInstanceSendsNoCopyItsSuccessorAlreadySentWhenItWakesUp() throws Exception {
    CopierProcessesIT.needsAServer();
    ProcessGroup group =
        ProcessGroup.start(dir, CopierProcessesIT.URL, 30, Duration.ofSeconds(3), 21);
    this.group = group;
    group.startThree();
    group.startLeader(200);
    group.awaitCopies(30);

    // SIGSTOP a worker past its lease: the others take its followers; then it wakes up
    group.pause("node-2");
    group.awaitNoLeases("node-2");
    group.awaitMoreCopies(20);
    group.resume("node-2");
    group.awaitMoreCopies(20);
    group.stopLeader();
    group.verify();
  }
}
