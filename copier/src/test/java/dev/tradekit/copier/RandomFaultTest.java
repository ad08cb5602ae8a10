package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 200 seeded chaos schedules on the simulated exchange; see {@link ChaosHarness}. */
class RandomFaultTest {

  @Test
  void noDuplicateAndNoMissedCopyUnderRandomFaults() {
    int restarts = 0;
    int injected = 0;
    for (long seed = 1; seed <= 200; seed++) {
      CopyJournal journal = CopyJournals.inMemory();
      ChaosHarness h = new ChaosHarness(new SimChaosVenue(), seed, () -> journal);
      h.run(25);
      h.assertInvariants();
      restarts += h.restarts;
      injected += h.injected;
    }
    // the schedules really were hostile
    assertThat(restarts).isGreaterThan(100);
    assertThat(injected).isGreaterThan(2_000);
  }
}
