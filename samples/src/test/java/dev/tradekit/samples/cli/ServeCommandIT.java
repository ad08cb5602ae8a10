package dev.tradekit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandIT {
  @TempDir Path dir;

  /** Collects output and opens a latch when the command says it is serving. */
  static final class Output extends Writer {
    final StringBuilder text = new StringBuilder();
    final CountDownLatch serving = new CountDownLatch(1);
    private final String marker;
    private final int lines;

    Output() {
      this("press Ctrl-C", 0);
    }

    /** Opens the latch once the output holds {@code marker} and {@code lines} lines after its. */
    Output(String marker, int lines) {
      this.marker = marker;
      this.lines = lines;
    }

    private boolean complete() {
      int at = text.indexOf(marker);
      for (int i = 0; at >= 0 && i <= lines; i++) {
        at = text.indexOf("\n", at);
        at = at < 0 ? -1 : at + 1;
      }
      return at >= 0;
    }

    @Override
    public synchronized void write(char[] c, int off, int len) {
      text.append(c, off, len);
      if (complete()) {
        serving.countDown();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    synchronized String text() {
      return text.toString();
    }
  }

  private String serveOnce(Path dataDir, boolean expectSetup) throws Exception {
    return serveOnce(dataDir, expectSetup, text -> {});
  }

  /** Serves once with {@code extra} options; {@code whileServing} gets the output so far. */
  private String serveOnce(
      Path dataDir,
      boolean expectSetup,
      java.util.function.Consumer<String> whileServing,
      String... extra)
      throws Exception {
    ServeCommand cmd = new ServeCommand();
    Output out = new Output();
    CommandLine cli = new CommandLine(cmd);
    cli.setOut(new PrintWriter(out, true));
    int[] code = {-1};
    Thread t =
        new Thread(
            () -> {
              java.util.List<String> args =
                  new java.util.ArrayList<>(
                      java.util.List.of("--port", "0", "--data-dir", dataDir.toString()));
              args.addAll(java.util.List.of(extra));
              code[0] = cli.execute(args.toArray(String[]::new));
            },
            "serve");
    t.start();
    assertThat(out.serving.await(60, TimeUnit.SECONDS)).as(out.text()).isTrue();
    Matcher m = Pattern.compile("control plane on (http://\\S+) ").matcher(out.text());
    assertThat(m.find()).as(out.text()).isTrue();
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(m.group(1) + "/api/health"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"setupRequired\":" + expectSetup);
    whileServing.accept(out.text());
    cmd.stop.countDown();
    t.join(60_000);
    assertThat(code[0]).as(out.text()).isZero();
    return out.text();
  }

  @Test
  void firstRunPrintsAOneTimeSetupLinkAndCreatesTheMasterKey() throws Exception {
    Path data = dir.resolve("data");
    String first = serveOnce(data, true);
    assertThat(first).contains("first run: create the admin account", "/#/setup?token=");
    assertThat(first).contains("created the vault's master key");
    assertThat(Files.readString(data.resolve("master.key")).trim()).hasSize(44);
    assertThat(data.resolve("tradekit.db")).exists();
    String second = serveOnce(data, true);
    assertThat(second).doesNotContain("created the vault's master key");
  }

  @Test
  void backtestDataFolderIsHandedToTheControlPlane() throws Exception {
    Path recorded = Files.createDirectories(dir.resolve("recorded"));
    String out =
        serveOnce(dir.resolve("data"), true, text -> {}, "--backtest-data", recorded.toString());
    assertThat(out)
        .contains("backtest jobs may name the data files in " + recorded.toAbsolutePath());
  }

  @Test
  void metricsPortServesThePrometheusScrapeWithoutSigningIn() throws Exception {
    String text =
        serveOnce(
            dir.resolve("data"),
            true,
            out -> {
              Matcher m =
                  Pattern.compile("metrics \\(Prometheus\\): (http://127\\.0\\.0\\.1:\\d+/metrics)")
                      .matcher(out);
              assertThat(m.find()).as(out).isTrue();
              try {
                HttpResponse<String> r =
                    HttpClient.newHttpClient()
                        .send(
                            HttpRequest.newBuilder(URI.create(m.group(1)))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("jvm_memory_used_bytes{");
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            },
            "--metrics-port",
            "0");
    assertThat(text).contains("metrics (Prometheus): http://127.0.0.1:");
  }
}
