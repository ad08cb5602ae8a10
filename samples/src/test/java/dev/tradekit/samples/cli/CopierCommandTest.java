package dev.tradekit.samples.cli;

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

  private CliRun copier(String yaml, String dotEnv) throws IOException {
    Path cfg = dir.resolve("copier.yaml");
    Files.writeString(cfg, yaml, StandardCharsets.UTF_8);
    Path env = dir.resolve(".env");
    Files.writeString(env, dotEnv, StandardCharsets.UTF_8);
    return CliRun.run("copier", "--config", cfg.toString(), "--env-file", env.toString());
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
}
