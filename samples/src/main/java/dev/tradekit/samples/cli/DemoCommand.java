package dev.tradekit.samples.cli;

import dev.tradekit.samples.demo.Demo;
import dev.tradekit.server.MasterKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradekit demo}: the whole stack on a local simulated venue, no network and no keys. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a local Binance USD-M server on loopback and runs, through the real Binance adapter,",
      "a market maker, a trading leader copied onto two followers and a scanner, with a live view;",
      "then prints a summary and writes an HTML backtest report of the market maker.",
      "While it runs it serves the dashboard on 127.0.0.1 with its own set of these bots and",
      "prints a one-time sign-in link (--no-dashboard to skip)."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Option(
      names = "--duration",
      defaultValue = "60s",
      converter = Durations.class,
      description = "How long to run (e.g. 30s, 5m). Default: ${DEFAULT-VALUE}.")
  Duration duration = Duration.ofSeconds(60);

  @Option(names = "--data", description = "A Binance USD-M recording to replay (BTCUSDT).")
  @Nullable Path data;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic market.")
  long seed = 42;

  @Option(
      names = "--report",
      defaultValue = "target/tradekit-demo-report.html",
      description = "Where to write the HTML backtest report. Default: ${DEFAULT-VALUE}.")
  Path report = Path.of("target/tradekit-demo-report.html");

  @Option(names = "--plain", description = "Append each frame instead of redrawing the screen.")
  boolean plain;

  @Option(
      names = "--no-dashboard",
      description = "Do not serve the dashboard (the control plane) while the demo runs.")
  boolean noDashboard;

  @Option(
      names = "--port",
      defaultValue = "0",
      description = "The dashboard's port on 127.0.0.1 (default: any free one).")
  int port;

  @Option(
      names = "--data-dir",
      description =
          "The dashboard's database, journals and master key (default: a temporary folder,"
              + " deleted at the end).")
  @Nullable Path dataDir;

  @Override
  public Integer call() throws Exception {
    Path file = data;
    if (file != null && !Files.isRegularFile(file)) {
      throw new UserError("--data " + file + " is not a file: pass a Binance USD-M recording");
    }
    boolean ansi = !plain && System.console() != null;
    PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
    if (port < 0 || port > 65_535) {
      throw new UserError("--port " + port + " is not a port: pass 0 to 65535 (0: any free one)");
    }
    Path temp = null;
    Demo.Dashboard dashboard = null;
    if (!noDashboard) {
      Path dir = dataDir;
      if (dir == null) {
        // a throwaway vault under a throwaway key
        temp = Files.createTempDirectory("tradekit-demo-");
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        dashboard = new Demo.Dashboard(port, temp, MasterKey.ofBytes(key));
      } else {
        Files.createDirectories(dir);
        dashboard = new Demo.Dashboard(port, dir, ServeCommand.masterKey(dir, null, out));
      }
    }
    Demo.Summary summary;
    try {
      summary = Demo.run(new Demo.Settings(duration, file, seed, ansi, report, dashboard), out);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new UserError("the demo failed: " + e.getMessage(), 1, e);
    } finally {
      if (temp != null) {
        deleteTree(temp);
      }
    }
    out.printf("HTML report: %s%n", summary.backtest().report());
    out.flush();
    return 0;
  }

  private static void deleteTree(Path root) {
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (java.io.IOException e) {
      // a temporary folder left behind is cleaned by the system
    }
  }
}
