package dev.tradekit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradekit copier}: every config and key mistake ends with one line and exit code 2. */
class CopierCommandTest {
  @TempDir Path dir;

  private static final String FOLLOWERS =
      "followers:\n  - name: alice\n    policy: fixed-ratio\n    ratio: 0.5\n";

  private static final String KEYS =
      "MAIN_BINANCE_API_KEY=k\nMAIN_BINANCE_API_SECRET=s\n"
          + "ALICE_BINANCE_API_KEY=k2\nALICE_BINANCE_API_SECRET=s2\n";

  private CliRun copier(String yaml, String dotEnv, String... options) throws IOException {
    Path cfg = dir.resolve("copier.yaml");
    Files.writeString(cfg, yaml, StandardCharsets.UTF_8);
    Path env = dir.resolve(".env");
    Files.writeString(env, dotEnv, StandardCharsets.UTF_8);
    String[] args = new String[5 + options.length];
    args[0] = "copier";
    args[1] = "--config";
    args[2] = cfg.toString();
    args[3] = "--env-file";
    args[4] = env.toString();
    System.arraycopy(options, 0, args, 5, options.length);
    return CliRun.run(args);
  }

  @Test
  void journalUrlsArePrintedWithoutTheirPassword() {
    assertThat(JournalUrls.redact("jdbc:postgresql://db:5432/copier?user=tk&password=hunter2"))
        .isEqualTo("jdbc:postgresql://db:5432/copier?user=tk&password=***");
    assertThat(JournalUrls.redact("jdbc:postgresql://db/c?password=hunter2&ssl=true&user=tk"))
        .isEqualTo("jdbc:postgresql://db/c?password=***&ssl=true&user=tk");
    assertThat(JournalUrls.redact("jdbc:postgresql://tk:hunter2@db/c"))
        .isEqualTo("jdbc:postgresql://tk:***@db/c");
    assertThat(JournalUrls.redact("jdbc:postgresql://db/c?user=tk"))
        .isEqualTo("jdbc:postgresql://db/c?user=tk");
    assertThat(JournalUrls.redact("data/copier.db")).isEqualTo("data/copier.db");
  }

  @Test
  void journalAndInstanceComeFromTheConfigOrTheCommandLine() throws IOException {
    Path cfg = dir.resolve("copier.yaml");
    Files.writeString(
        cfg,
        "leader: main\njournal: jdbc:postgresql://db/c?user=tk\ninstance: node-a\n" + FOLLOWERS,
        StandardCharsets.UTF_8);
    CopierConfig config = CopierConfig.load(cfg);
    assertThat(config.journal).isEqualTo("jdbc:postgresql://db/c?user=tk");
    assertThat(config.instance).isEqualTo("node-a");
    CopierCommand cmd = new CopierCommand();
    assertThat(cmd.journalOf(config)).isEqualTo("jdbc:postgresql://db/c?user=tk");
    assertThat(cmd.instanceOf(config)).isEqualTo("node-a");
    cmd.journal = "jdbc:postgresql://other/c?user=tk";
    cmd.instance = "node-b";
    assertThat(cmd.journalOf(config)).isEqualTo("jdbc:postgresql://other/c?user=tk");
    assertThat(cmd.instanceOf(config)).isEqualTo("node-b");
  }

  @Test
  void anInstanceNeedsAPostgresJournal() throws IOException {
    copier("leader: main\ninstance: node-a\n" + FOLLOWERS, KEYS)
        .failsWith(2, "instance 'node-a' needs a journal on PostgreSQL");
  }

  @Test
  void badInstanceNameIsRefused() throws IOException {
    copier(
            "leader: main\n" + FOLLOWERS,
            KEYS,
            "--journal",
            "jdbc:postgresql://db/c?user=tk",
            "--instance",
            "node a")
        .failsWith(2, "the instance name 'node a' in --instance must be 1 to 64");
  }

  @Test
  void anotherDatabaseIsRefusedWithoutPrintingItsPassword() throws IOException {
    CliRun run =
        copier(
                "leader: main\n" + FOLLOWERS,
                KEYS,
                "--journal",
                "jdbc:mysql://db/c?user=tk&password=hunter2")
            .failsWith(2, "is not supported: use a SQLite file");
    assertThat(run.err() + run.out()).doesNotContain("hunter2");
  }

  @Test
  void unreachablePostgresJournalIsNamedWithoutItsPassword() throws IOException {
    // port 1 on loopback refuses at once: nothing listens there
    CliRun run =
        copier(
                "leader: main\n" + FOLLOWERS,
                KEYS,
                "--journal",
                "jdbc:postgresql://127.0.0.1:1/c?user=tk&password=hunter2&connectTimeout=5",
                "--instance",
                "node-a")
            .failsWith(
                2,
                "cannot open the journal"
                    + " 'jdbc:postgresql://127.0.0.1:1/c?user=tk&password=***&connectTimeout=5'");
    assertThat(run.err() + run.out()).doesNotContain("hunter2");
  }

  @Test
  void missingFollowerKeyNamesTheVariableAndTheFollower() throws IOException {
    copier("leader: main\n" + FOLLOWERS, "MAIN_BINANCE_API_KEY=k\nMAIN_BINANCE_API_SECRET=s\n")
        .failsWith(
            2,
            "ALICE_BINANCE_API_KEY is not set (keys of follower 'alice'): export"
                + " ALICE_BINANCE_API_KEY and ALICE_BINANCE_API_SECRET");
  }

  @Test
  void missingLeaderSecretNamesTheVariable() throws IOException {
    copier("leader: main\n" + FOLLOWERS, "MAIN_BINANCE_API_KEY=k\n")
        .failsWith(2, "MAIN_BINANCE_API_SECRET is not set (keys of leader 'main')");
  }

  @Test
  void missingLeaderIsReported() throws IOException {
    copier(FOLLOWERS, "").failsWith(2, "the leader account name '' in");
  }

  @Test
  void missingFollowersShowsAnExample() throws IOException {
    copier("leader: main\n", "").failsWith(2, "'followers' is missing in");
  }

  @Test
  void unknownPolicyListsThePolicies() throws IOException {
    copier("leader: main\nfollowers:\n  - name: alice\n    policy: mirror\n", "")
        .failsWith(
            2,
            "unknown policy 'mirror' of follower 'alice' in "
                + dir.resolve("copier.yaml")
                + ": use fixed-ratio, fixed-notional, proportional-to-balance");
  }

  @Test
  void fixedRatioWithoutRatioSaysItIsMissing() throws IOException {
    copier("leader: main\nfollowers:\n  - name: alice\n    policy: fixed-ratio\n", "")
        .failsWith(
            2, "'ratio' of follower 'alice' in " + dir.resolve("copier.yaml") + " is missing");
  }

  @Test
  void negativeCapIsRefused() throws IOException {
    copier("leader: main\n" + FOLLOWERS + "    maxPositionNotional: -5\n", "")
        .failsWith(2, "'maxPositionNotional' of follower 'alice'")
        .failsWith(2, "must be a number > 0, was '-5'");
  }

  @Test
  void apiKeyInAFollowerIsRefused() throws IOException {
    copier("leader: main\n" + FOLLOWERS + "    apiKey: abc\n", "")
        .failsWith(2, "contains 'apiKey': remove it");
  }

  @Test
  void unknownFollowerSettingListsTheAllowedOnes() throws IOException {
    copier("leader: main\n" + FOLLOWERS + "    ratoi: 2\n", "")
        .failsWith(2, "unknown key 'ratoi' in a follower's settings");
  }

  @Test
  void sameNameTwiceIsRefused() throws IOException {
    copier("leader: alice\n" + FOLLOWERS, "").failsWith(2, "account 'alice' appears twice");
  }

  @Test
  void unwritableJournalIsNamed() throws IOException {
    copier(
            "leader: main\njournal: " + dir.resolve("no/such/dir/c.db") + "\n" + FOLLOWERS,
            "MAIN_BINANCE_API_KEY=k\nMAIN_BINANCE_API_SECRET=s\n"
                + "ALICE_BINANCE_API_KEY=k2\nALICE_BINANCE_API_SECRET=s2\n")
        .failsWith(2, "cannot open the journal");
  }

  @Test
  void groupStatusShowsEachLeaseOwnerAndTimeLeft() {
    java.io.StringWriter text = new java.io.StringWriter();
    CopierCommand.printLeases(
        new java.io.PrintWriter(text),
        java.util.List.of(
            new dev.tradekit.copier.CopierLease("follower:alice", "node-a", 3, 12_000),
            new dev.tradekit.copier.CopierLease("follower:bob", null, 2, 9_000)),
        10_000);
    assertThat(text.toString())
        .contains("follower:alice")
        .contains("node-a (epoch 3, 2000 ms left)")
        .contains("free (epoch 2, expired 1000 ms ago)");
  }
}
