package dev.tradekit.samples.demo;

import dev.tradekit.scanner.LargeOrder;
import dev.tradekit.scanner.Scanner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The demo's scanner: runs it, remembers every wall it reports and draws the hot pool. */
final class WallWatch implements AutoCloseable {
  private static final int SHOWN = 3;
  private final Scanner scanner;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  WallWatch(Scanner scanner) {
    this.scanner = scanner;
  }

  void start() {
    scanner.start();
  }

  /** Draws the scanner's line and up to three walls, hot ones first. */
  void render(PrintWriter out) {
    List<LargeOrder> hot = scanner.hotOrders();
    List<LargeOrder> candidates = scanner.candidates();
    remember(hot);
    remember(candidates);
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "  scanner       scans %d  walls seen %d  candidates %d  hot pool %d%n",
            scansCompleted(), seen.size(), candidates.size(), hot.size()));
    List<LargeOrder> shown = new ArrayList<>(hot);
    shown.addAll(candidates);
    for (int i = 0; i < Math.min(SHOWN, shown.size()); i++) {
      LargeOrder o = shown.get(i);
      b.append(
          String.format(
              Locale.ROOT,
              "    %-9s %s %-4s %s x %.3f  $%,.0f  %ds%n",
              o.stage(),
              o.symbol(),
              o.side(),
              o.price().toPlainString(),
              o.quantity(),
              o.usdValue(),
              o.lifetimeMillis() / 1000));
    }
    out.print(b);
    out.flush();
  }

  private void remember(List<LargeOrder> orders) {
    for (LargeOrder o : orders) {
      seen.add(o.id());
    }
  }

  long scansCompleted() {
    return scanner.metrics().scansCompleted();
  }

  int wallsSeen() {
    remember(scanner.hotOrders());
    remember(scanner.candidates());
    return seen.size();
  }

  int hotCount() {
    return scanner.hotOrders().size();
  }

  @Override
  public void close() {
    scanner.close();
  }
}
