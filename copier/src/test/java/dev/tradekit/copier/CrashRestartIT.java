package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.copier.fake.Fault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copier is discarded at each order placement of a leader script in turn — after journaling the
 * intent but before sending, and after sending but before the reply — and a fresh copier on a
 * freshly opened SQLite file finishes the work: every copy made once, none twice.
 */
class CrashRestartIT {
  @TempDir Path dir;
  private final List<CopyJournal> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(CopyJournal::close);
  }

  @Test
  void everyCrashPointRecoversWithoutDuplicatesOrMisses() {
    int runs = 0;
    for (Fault kind : new Fault[] {Fault.CRASH_BEFORE_SEND, Fault.CRASH_AFTER_SEND}) {
      for (int at = 1; at <= 40; at++) {
        Path file = dir.resolve(kind + "-" + at + ".db");
        ChaosHarness h =
            new ChaosHarness(
                new SimChaosVenue(),
                4242,
                () -> {
                  CopyJournal j = CopyJournals.sqlite(file); // reopened after each crash
                  opened.add(j);
                  return j;
                },
                ChaosHarness.crashAt(at, kind));
        h.run(15);
        h.assertInvariants();
        assertThat(h.restarts).as(kind + " at " + at).isEqualTo(1);
        runs++;
      }
    }
    assertThat(runs).isEqualTo(80);
  }
}
