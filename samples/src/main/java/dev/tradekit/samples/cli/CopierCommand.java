package dev.tradekit.samples.cli;

import dev.tradekit.api.Credentials;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.copier.CopierStats;
import dev.tradekit.copier.CopyJournal;
import dev.tradekit.copier.CopyJournals;
import dev.tradekit.copier.FollowerStats;
import dev.tradekit.copier.TradeCopier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tradekit copier}: copies a leader account's fills onto followers until stopped. */
@Command(
    name = "copier",
    mixinStandardHelpOptions = true,
    description = {
      "Copies every fill of the leader account onto the follower accounts of the config file,",
      "each sized by its policy. Keys: <NAME>_BINANCE_API_KEY and <NAME>_BINANCE_API_SECRET per",
      "account (e.g. ALICE_BINANCE_API_KEY), from the environment or the --env-file."
    })
final class CopierCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Mixin VenueOptions venue = new VenueOptions();

  @Option(
      names = "--duration",
      converter = Durations.class,
      description = "Stop after this long (default: until Ctrl-C).")
  @Nullable Duration duration;

  @Option(
      names = "--interval",
      defaultValue = "10s",
      converter = Durations.class,
      description = "How often to print the copy counters. Default: ${DEFAULT-VALUE}.")
  Duration interval = Duration.ofSeconds(10);

  private boolean interrupted;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
    CopierConfig cfg = CopierConfig.load(venue.configFile());
    Map<String, String> env = System.getenv();
    // Every key is checked before any connection is opened.
    Credentials leaderKeys = keys(env, cfg.leader, "leader", cfg.venue);
    Map<String, Credentials> followerKeys = new LinkedHashMap<>();
    for (CopierConfig.Follower f : cfg.followers) {
      followerKeys.put(f.name(), keys(env, f.name(), "follower", cfg.venue));
    }
    List<Exchange> opened = new ArrayList<>();
    int code;
    try (LiveScheduler clock = LiveScheduler.create("tradekit-copier");
        CopyJournal journal = journal(cfg)) {
      try {
        code = run(out, cfg, clock, journal, opened, leaderKeys, followerKeys);
      } finally {
        for (Exchange ex : opened) {
          ex.close();
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt(); // after the cleanup, for whoever interrupted us
    }
    return code;
  }

  private int run(
      PrintWriter out,
      CopierConfig cfg,
      LiveScheduler clock,
      CopyJournal journal,
      List<Exchange> opened,
      Credentials leaderKeys,
      Map<String, Credentials> followerKeys)
      throws Exception {
    Exchange leader = open(opened, cfg, clock, leaderKeys);
    TradeCopier.Builder b = TradeCopier.builder().leader(leader).journal(journal).scheduler(clock);
    for (CopierConfig.Follower f : cfg.followers) {
      b.follower(
          f.name(),
          open(opened, cfg, clock, Objects.requireNonNull(followerKeys.get(f.name()))),
          f.policy());
    }
    if (!cfg.symbols.isEmpty()) {
      b.symbols(cfg.symbols.toArray(new String[0]));
    }
    TradeCopier copier = b.build();
    copier.start().get(60, TimeUnit.SECONDS);
    out.printf(
        "copying %s -> %s on %s (%s); journal %s; Ctrl-C stops it%n",
        cfg.leader,
        String.join(", ", followerKeys.keySet()),
        leader.venue(),
        venue.environment(),
        cfg.journal);
    out.flush();
    Thread hook = new Thread(copier::stop, "tradekit-copier-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    interrupted = runUntilEnd(out, copier);
    copier.stop();
    printStats(out, copier.stats());
    Runtime.getRuntime().removeShutdownHook(hook);
    return 0;
  }

  /** Prints the counters every interval until the duration ends; true if interrupted. */
  private boolean runUntilEnd(PrintWriter out, TradeCopier copier) {
    long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    long every = Math.max(1, interval.toMillis());
    while (System.nanoTime() < end) {
      try {
        Thread.sleep(Math.min(every, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        out.println("interrupted: stopping");
        return true;
      }
      printStats(out, copier.stats());
    }
    return false;
  }

  private Credentials keys(Map<String, String> env, String account, String role, String venueId) {
    return Secrets.credentials(env, venue.envFile, account, role, venueId);
  }

  private Exchange open(
      List<Exchange> opened, CopierConfig cfg, LiveScheduler clock, Credentials keys) {
    Exchange ex = venue.exchange(cfg.venue, cfg.restBaseUrl, cfg.wsBaseUrl, clock, keys);
    opened.add(ex);
    return ex;
  }

  private static CopyJournal journal(CopierConfig cfg) {
    if (cfg.journal.equals("memory")) {
      return CopyJournals.inMemory();
    }
    try {
      return CopyJournals.sqlite(Path.of(cfg.journal));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UserError(
          "cannot open the journal '"
              + cfg.journal
              + "' of "
              + cfg.file
              + " ("
              + e.getMessage()
              + "): set 'journal' to a writable file",
          UserError.CONFIG,
          e);
    }
  }

  static void printStats(PrintWriter out, CopierStats stats) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("leader fills %d%n", stats.fillsSeen()));
    for (FollowerStats f : stats.followers().values()) {
      b.append(
          String.format(
              "  %-12s copied %d skipped %d failed %d  latency p50 %d ms max %d ms%s%n",
              f.name(),
              f.copied(),
              f.skipped(),
              f.failed(),
              f.latencyP50Millis(),
              f.latencyMaxMillis(),
              f.active() ? "" : "  PAUSED: " + f.pausedReason()));
    }
    out.print(b);
    out.flush();
  }
}
