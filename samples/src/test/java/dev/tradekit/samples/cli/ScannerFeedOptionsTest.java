package dev.tradekit.samples.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradekit scanner --feed-port}: its mistakes end with one line and exit code 2. */
class ScannerFeedOptionsTest {
  @TempDir Path dir;

  private Path simConfig() throws IOException {
    Path cfg = dir.resolve("scanner.yaml");
    Files.writeString(cfg, "venue: sim\n", StandardCharsets.UTF_8);
    return cfg;
  }

  @Test
  void feedWithPrimaryScanOnlyIsRefused() throws IOException {
    CliRun.run(
            "scanner",
            "--config",
            simConfig().toString(),
            "--primary-scan-only",
            "--feed-port",
            "0")
        .failsWith(2, "--feed-port serves the running scanner: leave out --primary-scan-only");
  }

  @Test
  void portOutOfRangeIsRefused() throws IOException {
    CliRun.run("scanner", "--config", simConfig().toString(), "--feed-port", "70000")
        .failsWith(2, "--feed-port must be in 0..65535, was 70000");
  }

  @Test
  void takenPortSaysToPickAnother() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CliRun.run(
              "scanner",
              "--config",
              simConfig().toString(),
              "--feed-port",
              Integer.toString(taken.getLocalPort()),
              "--duration",
              "1s")
          .failsWith(2, "pick another --feed-port or --feed-host");
    }
  }
}
