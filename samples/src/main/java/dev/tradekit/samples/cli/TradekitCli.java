package dev.tradekit.samples.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code tradekit} command line: {@code demo}, {@code backtest}, {@code optimize}, {@code
 * copier}, {@code marketmaker}, {@code scanner}, {@code status}, {@code serve}. Mistakes a user can
 * make end with one line that says what to do and a non-zero exit code; {@code --verbose} adds the
 * stack trace and engine logs.
 *
 * <pre>{@code
 * int code = TradekitCli.execute(new PrintWriter(System.out), new PrintWriter(System.err),
 *     "demo", "--duration", "10s");
 * }</pre>
 */
@Command(
    name = "tradekit",
    mixinStandardHelpOptions = true,
    version = "tradekit 0.1.0-SNAPSHOT",
    description = "Tradekit: copy trading, market making and scanning on crypto perpetual futures.",
    subcommands = {
      DemoCommand.class,
      BacktestCommand.class,
      OptimizeCommand.class,
      CopierCommand.class,
      MarketMakerCommand.class,
      ScannerCommand.class,
      StatusCommand.class,
      ServeCommand.class
    })
public final class TradekitCli implements Runnable {
  @Spec @Nullable CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show engine logs and stack traces.")
  boolean verbose;

  /** Only picocli creates this command. */
  TradekitCli() {}

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        java.util.Objects.requireNonNull(spec, "spec").commandLine(),
        "Missing command: try 'tradekit demo'");
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(out, err, args));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    CommandLine cli = new CommandLine(new TradekitCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, arguments) -> {
          err.println("error: " + ex.getMessage() + hint(ex.getCommandLine()));
          err.flush();
          return UserError.CONFIG;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          UserError e = Errors.explain(ex);
          if (verbose) {
            ex.printStackTrace(err);
          }
          err.println("error: " + e.getMessage());
          err.flush();
          return e.exitCode();
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String hint(CommandLine commandLine) {
    return ". Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options.";
  }
}
