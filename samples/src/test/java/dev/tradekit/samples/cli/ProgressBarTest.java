package dev.tradekit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void plainOutputPrintsOneLinePerTenth() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), "events", false);
    for (int i = 0; i <= 1000; i++) {
      bar.update(i, 1000);
    }
    bar.finish();
    String[] lines = text.toString().split("\n");
    assertThat(lines).hasSize(11);
    assertThat(lines[0]).isEqualTo("[                              ]   0% events 0/1000");
    assertThat(lines[5]).isEqualTo("[###############               ]  50% events 500/1000");
    assertThat(lines[10]).isEqualTo("[##############################] 100% events 1000/1000");
    assertThat(text.toString()).doesNotContain("\r");
  }

  @Test
  void terminalOutputRedrawsOneLineInPlace() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar =
        new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "runs", true);
    bar.update(1, 4);
    bar.update(1, 4); // same percentage: not redrawn
    bar.update(2, 4);
    bar.update(4, 4);
    bar.finish();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text.split("\r", -1)).hasSize(4);
    assertThat(text).contains(" 25% runs 1/4").contains(" 50% runs 2/4").contains("100% runs 4/4");
    assertThat(text.indexOf('\n')).isEqualTo(text.length() - System.lineSeparator().length());
  }

  @Test
  void neverGoesBackwardsAndIgnoresUpdatesAfterFinish() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), "x", false);
    bar.update(60, 100);
    bar.update(30, 100);
    bar.update(250, 100); // clamped to the total
    bar.finish();
    bar.update(10, 100);
    bar.finish();
    List<String> lines = new ArrayList<>(List.of(text.toString().split("\n")));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains(" 60% x 60/100");
    assertThat(lines.get(1)).contains("100% x 100/100");
  }

  @Test
  void finishShowsCompletionWhenTheLastUpdateWasShort() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), "events", false);
    bar.update(1023, 5000);
    bar.finish();
    assertThat(text.toString().strip()).endsWith("100% events");
  }

  @Test
  void concurrentWorkersEndAtOneHundredPercentOnce() throws InterruptedException {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), "runs", false);
    java.util.concurrent.atomic.AtomicInteger done =
        new java.util.concurrent.atomic.AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th =
          new Thread(
              () -> {
                for (int i = 0; i < 250; i++) {
                  bar.update(done.incrementAndGet(), 1000);
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join(60_000);
    }
    bar.finish();
    String out = text.toString();
    assertThat(out.split("100%", -1)).hasSize(2);
    assertThat(out.split("\n").length).isLessThanOrEqualTo(11);
  }
}
