package dev.tradekit.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared recordings: {@code -Dtradekit.refdata}, else {@code ../shared/data}. */
final class RefData {
  private RefData() {}

  static Path file(String relative) {
    String dir = System.getProperty("tradekit.refdata", "../shared/data");
    Path path = Path.of(dir).resolve(relative).toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(
          "benchmark data not found: "
              + path
              + ". Run from the repository root with ../shared/data beside it, or pass"
              + " -Dtradekit.refdata=/path/to/shared/data");
    }
    return path;
  }
}
