package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The copier's main code never reads the wall clock, sleeps or starts threads: the scheduler does.
 */
class MainCodeRulesTest {
  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "System\\.currentTimeMillis|System\\.nanoTime|Instant\\.now|LocalDate(Time)?\\.now"
              + "|Clock\\.system|Thread\\.sleep|new Thread\\b|Executors\\.|ForkJoinPool"
              + "|CompletableFuture\\.(supplyAsync|runAsync)");

  @Test
  void mainCodeUsesOnlyTheSchedulerForTimeAndThreads() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (FORBIDDEN.matcher(lines.get(i)).find()) {
            hits.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertThat(hits).isEmpty();
  }
}
