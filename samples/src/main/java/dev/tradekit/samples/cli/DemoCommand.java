package dev.tradekit.samples.cli;

import dev.tradekit.samples.demo.Demo;
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
      "then prints a summary and writes an HTML backtest report of the market maker."
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

  @Override
  public Integer call() throws Exception {
    Path file = data;
    if (file != null && !Files.isRegularFile(file)) {
      throw new UserError("--data " + file + " is not a file: pass a Binance USD-M recording");
    }
    boolean ansi = !plain && System.console() != null;
    PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
    Demo.Summary summary;
    try {
      summary = Demo.run(new Demo.Settings(duration, file, seed, ansi, report), out);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new UserError("the demo failed: " + e.getMessage(), 1, e);
    }
    out.printf("HTML report: %s%n", summary.backtest().report());
    out.flush();
    return 0;
  }
}
