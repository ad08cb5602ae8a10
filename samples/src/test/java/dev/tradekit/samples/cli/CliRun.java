package dev.tradekit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and checks the one-line error contract. */
record CliRun(int code, String out, String err) {
  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TradekitCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Exit code {@code code}, one line on stderr starting "error: " and containing {@code text}. */
  CliRun failsWith(int expectedCode, String text) {
    assertThat(code).as("exit code; stderr: %s", err).isEqualTo(expectedCode);
    assertThat(err.strip()).doesNotContain("\n").startsWith("error: ").contains(text);
    assertThat(err).doesNotContain("\tat ");
    return this;
  }

  /** Exit code 0. */
  CliRun succeeds() {
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    return this;
  }
}
