package dev.tradekit.copier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CopierProcessesIT}'s scenario seeded and randomised, run {@code tradekit.soak.runs} times
 * from {@code tradekit.soak.seed}: which instance is killed, which is stopped past its lease and
 * resumed, in which order, and how many copies go by between the steps. Only in the {@code
 * copier-soak} profile:
 *
 * <pre>{@code
 * ./mvnw -B -pl copier -am verify -Pcopier-soak -Dtradekit.soak.runs=5 -Dtradekit.soak.seed=1
 * }</pre>
 *
 * <p>A failing run prints its seed; {@code -Dtradekit.soak.runs=1 -Dtradekit.soak.seed=<seed>}
 * replays its choices (the timing of a loaded machine is not replayed).
 */
class CopierProcessSoak {
  @TempDir Path dir;

  @Test
  void randomKillsAndStallsNeverCopyAFillTwice() throws Exception {
    CopierProcessesIT.needsAServer();
    int runs = Integer.getInteger("tradekit.soak.runs", 3);
    long seed = Long.getLong("tradekit.soak.seed", System.nanoTime());
    for (int i = 0; i < runs; i++) {
      long s = seed + i;
      System.out.printf("copier soak run %d of %d, seed %d%n", i + 1, runs, s);
      Path runDir = Files.createDirectories(dir.resolve("run" + i));
      try {
        run(runDir, s);
      } catch (AssertionError | Exception e) {
        throw new AssertionError("soak run with seed " + s + " failed: " + e.getMessage(), e);
      }
      System.out.printf("copier soak run %d passed (seed %d)%n", i + 1, s);
    }
  }

  private static void run(Path dir, long seed) throws Exception {
    Random r = new Random(seed);
    try (ProcessGroup g =
        ProcessGroup.start(dir, CopierProcessesIT.URL, 30, Duration.ofSeconds(3), seed)) {
      List<String> up = new ArrayList<>(List.of("node-1", "node-2", "node-3"));
      g.startThree();
      g.startLeader(100 + r.nextInt(300));
      copies(g, r);
      // kill, stall and join in a random order, each on a random instance
      List<String> steps = new ArrayList<>(List.of("kill", "stall", "join"));
      java.util.Collections.shuffle(steps, r);
      int next = 4;
      for (String step : steps) {
        switch (step) {
          case "kill" -> {
            String victim = up.remove(r.nextInt(up.size()));
            System.out.printf("  kill -9 %s%n", victim);
            g.kill(victim);
            g.awaitNoLeases(victim);
          }
          case "stall" -> {
            String victim = up.get(r.nextInt(up.size()));
            System.out.printf("  kill -STOP %s, then -CONT%n", victim);
            g.pause(victim);
            g.awaitNoLeases(victim);
            copies(g, r);
            g.resume(victim);
          }
          default -> {
            String joined = "node-" + next++;
            System.out.printf("  start %s%n", joined);
            g.node(joined);
            up.add(joined);
            g.awaitEvenSplit(joined);
          }
        }
        copies(g, r);
      }
      g.stopLeader();
      g.verify();
    }
  }

  /** Lets a random number of copies go by. */
  private static void copies(ProcessGroup g, Random r) {
    g.awaitMoreCopies(10 + r.nextInt(60));
  }
}
