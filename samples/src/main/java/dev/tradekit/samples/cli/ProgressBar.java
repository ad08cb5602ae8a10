package dev.tradekit.samples.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * A progress bar for long commands. On a terminal it redraws one line in place ({@code \r}); in a
 * log or a pipe it prints a plain line at every tenth of the work instead, so a captured output
 * stays readable. Thread-safe: workers may report progress concurrently.
 *
 * <pre>{@code
 * ProgressBar bar = new ProgressBar(System.err, "backtest", System.console() != null);
 * bar.update(500, 1000);  // [##########          ]  50% backtest 500/1000
 * bar.finish();
 * }</pre>
 */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final String label;
  private final boolean terminal;
  private int lastShown = -1;
  private boolean finished;

  ProgressBar(PrintStream out, String label, boolean terminal) {
    this(new PrintWriter(Objects.requireNonNull(out, "out"), true), label, terminal);
  }

  ProgressBar(PrintWriter out, String label, boolean terminal) {
    this.out = Objects.requireNonNull(out, "out");
    this.label = Objects.requireNonNull(label, "label");
    this.terminal = terminal;
  }

  /**
   * Shows {@code done} of {@code total}; redraws only when the shown percentage (terminal) or tenth
   * (plain lines) changes, and never goes backwards.
   */
  synchronized void update(long done, long total) {
    if (finished || total <= 0) {
      return;
    }
    long d = Math.max(0, Math.min(done, total));
    int percent = (int) (d * 100 / total);
    int step = terminal ? percent : percent / 10 * 10;
    if (step <= lastShown) {
      return;
    }
    lastShown = step;
    if (terminal) {
      out.print("\r" + line(percent, d, total));
    } else {
      out.println(line(step, d, total));
    }
    out.flush();
  }

  /** Shows 100 % (if not shown yet) and, on a terminal, ends the line. Idempotent. */
  synchronized void finish() {
    if (finished) {
      return;
    }
    if (lastShown < 100) {
      if (terminal) {
        out.print("\r" + line(100, -1, -1));
      } else {
        out.println(line(100, -1, -1));
      }
    }
    if (terminal) {
      out.println();
    }
    finished = true;
    out.flush();
  }

  private String line(int percent, long done, long total) {
    int filled = percent * WIDTH / 100;
    StringBuilder b = new StringBuilder(WIDTH + label.length() + 32);
    b.append('[');
    for (int i = 0; i < WIDTH; i++) {
      b.append(i < filled ? '#' : ' ');
    }
    b.append("] ").append(String.format(Locale.ROOT, "%3d%%", percent)).append(' ').append(label);
    if (total > 0) {
      b.append(' ').append(done).append('/').append(total);
    }
    return b.toString();
  }
}
