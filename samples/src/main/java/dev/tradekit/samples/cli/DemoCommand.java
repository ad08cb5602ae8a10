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
      "Runs a market maker and a trading leader on a local simulated BTCUSDT venue with a live view,",
      "then prints a summary and a backtest of the market maker over the same data."
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
    Demo.run(new Demo.Settings(duration, file, seed, ansi), out);
    out.flush();
    return 0;
  }
}
