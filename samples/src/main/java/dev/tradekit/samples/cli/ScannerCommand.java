package dev.tradekit.samples.cli;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.samples.feed.ScannerFeedServer;
import dev.tradekit.scanner.FeedTier;
import dev.tradekit.scanner.LargeOrder;
import dev.tradekit.scanner.ScanResult;
import dev.tradekit.scanner.Scanner;
import dev.tradekit.scanner.ScannerMetrics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradekit scanner}: finds large resting orders (walls) on the venue of the config file. */
@Command(
    name = "scanner",
    mixinStandardHelpOptions = true,
    description = {
      "Scans the most traded symbols of the venue for large resting orders (walls).",
      "With --primary-scan-only: one scan, a table of the walls, exit."
    })
final class ScannerCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Mixin VenueOptions venue = new VenueOptions();

  @Option(
      names = "--symbols",
      defaultValue = "50",
      description = "How many of the most traded symbols to scan. Default: ${DEFAULT-VALUE}.")
  int symbols = 50;

  @Option(names = "--primary-scan-only", description = "Scan once, print the walls and exit.")
  boolean primaryScanOnly;

  @Option(
      names = "--feed-port",
      description = {
        "Serve the tiered feed over WebSockets on this port (0: any free port):",
        "/feed/public, /feed/vip and /feed/private with Authorization: Bearer <credential>.",
        "Credentials: TRADEKIT_FEED_VIP_KEYS and TRADEKIT_FEED_PRIVATE_TOKENS (comma-separated),",
        "from the environment or the --env-file."
      })
  @Nullable Integer feedPort;

  @Option(
      names = "--feed-host",
      defaultValue = "127.0.0.1",
      description = "Address the feed listens on. Default: ${DEFAULT-VALUE} (this machine only).")
  String feedHost = "127.0.0.1";

  @Option(
      names = "--duration",
      converter = Durations.class,
      description = "Stop after this long (default: until Ctrl-C).")
  @Nullable Duration duration;

  @Override
  public Integer call() throws Exception {
    if (symbols < 1) {
      throw new UserError("--symbols must be at least 1, was " + symbols + ": e.g. --symbols 50");
    }
    Integer port = feedPort;
    if (port != null && primaryScanOnly) {
      throw new UserError(
          "--feed-port serves the running scanner: leave out --primary-scan-only to use it");
    }
    if (port != null && (port < 0 || port > 65_535)) {
      throw new UserError("--feed-port must be in 0..65535, was " + port);
    }
    PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
    VenueConfig cfg = venue.load();
    Map<String, String> feedSecrets = new java.util.HashMap<>(Secrets.readDotEnv(venue.envFile));
    feedSecrets.putAll(System.getenv());
    try (LiveScheduler clock = LiveScheduler.create("tradekit-scanner");
        Exchange exchange = venue.exchange(cfg, clock, System.getenv());
        Scanner scanner =
            Scanner.builder()
                .exchange(exchange)
                .scheduler(clock)
                .topSymbols(symbols)
                .vipKeys(list(feedSecrets.get(VIP_KEYS)))
                .privateTokens(list(feedSecrets.get(PRIVATE_TOKENS)))
                .build();
        @Nullable ScannerFeedServer feed =
            port == null ? null : startFeed(scanner, feedHost, port)) {
      if (feed != null) {
        out.printf(
            "feed: %s, %s, %s%n",
            feed.url(FeedTier.PUBLIC), feed.url(FeedTier.VIP), feed.url(FeedTier.PRIVATE));
      }
      out.printf(
          "scanner on %s (%s), top %d symbols%n", exchange.venue(), venue.environment(), symbols);
      out.flush();
      if (primaryScanOnly) {
        ScanResult r = scanner.primaryScan(symbols).get(10, TimeUnit.MINUTES);
        printScan(out, r);
        if (r.symbols().isEmpty() || r.failures().size() == r.symbols().size()) {
          throw new UserError(
              "no book could be fetched ("
                  + r.failures().values().stream().findFirst().orElse("no symbols listed")
                  + "): check the venue and the network",
              UserError.VENUE,
              null);
        }
        return 0;
      }
      scanner.start();
      long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
      while (System.nanoTime() < end) {
        Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        ScannerMetrics m = scanner.metrics();
        out.printf(
            "scans %d  candidates %d  hot %d  weight %d/%d  failed calls/min %d%n",
            m.scansCompleted(),
            scanner.candidates().size(),
            m.hotOrders(),
            m.weightUsed(),
            m.weightLimit(),
            m.failedCallsLastMinute());
        printWalls(out, scanner.hotOrders());
        out.flush();
      }
      return 0;
    }
  }

  /** Comma-separated credentials of the feed's VIP tier. */
  static final String VIP_KEYS = "TRADEKIT_FEED_VIP_KEYS";

  /** Comma-separated credentials of the feed's private tier. */
  static final String PRIVATE_TOKENS = "TRADEKIT_FEED_PRIVATE_TOKENS";

  static Set<String> list(@Nullable String commaSeparated) {
    Set<String> out = new LinkedHashSet<>();
    if (commaSeparated != null) {
      for (String s : commaSeparated.split(",", -1)) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }

  private static ScannerFeedServer startFeed(Scanner scanner, String host, int port) {
    try {
      return ScannerFeedServer.start(scanner.feed(), host, port);
    } catch (IllegalStateException e) {
      throw new UserError(
          e.getMessage() + ": pick another --feed-port or --feed-host", UserError.CONFIG, e);
    }
  }

  private static void printScan(PrintWriter out, ScanResult r) {
    out.printf(
        "scanned %d symbols in %d ms (weight %d): %d walls%n",
        r.symbols().size(), r.duration().toMillis(), r.weightSpent(), r.walls().size());
    printWalls(out, r.walls());
    for (Map.Entry<String, String> f : r.failures().entrySet()) {
      out.printf("  failed %s: %s%n", f.getKey(), f.getValue());
    }
    out.flush();
  }

  private static void printWalls(PrintWriter out, List<LargeOrder> walls) {
    for (LargeOrder o : walls) {
      out.printf(
          Locale.ROOT,
          "  %-14s %-4s %16s x %-14.4f $%,14.0f  %-9s%n",
          o.symbol(),
          o.side(),
          o.price().toPlainString(),
          o.quantity(),
          o.usdValue(),
          o.stage());
    }
  }
}
