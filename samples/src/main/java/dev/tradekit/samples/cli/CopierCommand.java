package dev.tradekit.samples.cli;

import dev.tradekit.api.Credentials;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.copier.CopierLease;
import dev.tradekit.copier.CopierStats;
import dev.tradekit.copier.CopyJournal;
import dev.tradekit.copier.CopyJournals;
import dev.tradekit.copier.FollowerStats;
import dev.tradekit.copier.TradeCopier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
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
      "account (e.g. ALICE_BINANCE_API_KEY), from the environment or the --env-file.",
      "Several instances share one PostgreSQL journal: --journal jdbc:postgresql://… with a",
      "different --instance name each; each follower is copied by one live instance."
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

  @Option(
      names = "--journal",
      description =
          "The journal: a SQLite file, or jdbc:postgresql://host:5432/db?user=.. to share it"
              + " between instances. Overrides 'journal' in the config file.")
  @Nullable String journal;

  @Option(
      names = "--instance",
      description =
          "This process's name in a group of instances on one PostgreSQL journal (1 to 64"
              + " letters, digits, . _ -). Overrides 'instance' in the config file.")
  @Nullable String instance;

  private boolean interrupted;

  /** The journal to use: {@code --journal}, else the config file's. */
  String journalOf(CopierConfig cfg) {
    String j = journal;
    return j == null ? cfg.journal : JournalUrls.check(j, "--journal");
  }

  /** The instance name: {@code --instance}, else the config file's; null to run alone. */
  @Nullable String instanceOf(CopierConfig cfg) {
    String i = instance;
    String name = i == null ? cfg.instance : CopierConfig.instanceName(i, "--instance");
    if (name != null && !JournalUrls.isPostgres(journalOf(cfg))) {
      throw new UserError(
          "instance '"
              + name
              + "' needs a journal on PostgreSQL shared by the group, not '"
              + JournalUrls.redact(journalOf(cfg))
              + "': set --journal jdbc:postgresql://host:5432/db?user=..");
    }
    return name;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
    CopierConfig cfg = CopierConfig.load(venue.configFile());
    String journalAt = journalOf(cfg);
    String name = instanceOf(cfg);
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
        CopyJournal journal = journal(cfg, journalAt)) {
      try {
        code = run(out, cfg, name, journalAt, clock, journal, opened, leaderKeys, followerKeys);
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
      @Nullable String name,
      String journalAt,
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
    if (name != null) {
      b.instance(name);
    }
    if (!cfg.symbols.isEmpty()) {
      b.symbols(cfg.symbols.toArray(new String[0]));
    }
    TradeCopier copier = b.build();
    copier.start().get(60, TimeUnit.SECONDS);
    out.printf(
        "copying %s -> %s on %s (%s); journal %s%s; Ctrl-C stops it%n",
        cfg.leader,
        String.join(", ", followerKeys.keySet()),
        leader.venue(),
        venue.environment(),
        JournalUrls.redact(journalAt),
        name == null ? "" : "; instance " + name);
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
      printLeases(out, copier.leases(), System.currentTimeMillis());
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

  private static CopyJournal journal(CopierConfig cfg, String at) {
    if (at.equals("memory")) {
      return CopyJournals.inMemory();
    }
    try {
      if (JournalUrls.isPostgres(at)) {
        return CopyJournals.jdbc(DriverManager.getConnection(at));
      }
      return CopyJournals.sqlite(Path.of(at));
    } catch (SQLException | IllegalArgumentException | IllegalStateException e) {
      throw new UserError(
          "cannot open the journal '"
              + JournalUrls.redact(at)
              + "' of "
              + cfg.file
              + " ("
              + JournalUrls.redact(String.valueOf(e.getMessage()))
              + "): set 'journal' (or --journal) to a writable file or a reachable"
              + " jdbc:postgresql:// database",
          UserError.CONFIG,
          e);
    }
  }

  /** In a group: which instance works each follower (and watches the leader), and for how long. */
  static void printLeases(PrintWriter out, List<CopierLease> leases, long now) {
    StringBuilder b = new StringBuilder();
    for (CopierLease l : leases) {
      b.append(
          String.format(
              "  %-24s %s (epoch %d, %s)%n",
              l.name(),
              l.owner() == null ? "free" : l.owner(),
              l.epoch(),
              l.expiresAt() >= now
                  ? (l.expiresAt() - now) + " ms left"
                  : "expired " + (now - l.expiresAt()) + " ms ago"));
    }
    out.print(b);
    out.flush();
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
