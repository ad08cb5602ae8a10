package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotSpecsTest {
  private static Fields config(String json) {
    return new Fields(Json.readObject(json), "config.");
  }

  @Test
  void bothRealVenuesAndTheSimulatorAreProviders() {
    assertThat(BotSpecs.PROVIDERS).containsExactly("sim", "binance-usdm", "bybit-linear");
  }

  @Test
  void normalisesACopierWithTwoFollowers() {
    Map<String, Object> c =
        BotSpecs.validate(
            "copier",
            config(
                "{\"followers\":[{\"keyId\":\"k1\",\"policy\":{\"mode\":\"ratio\",\"ratio\":\"0.50\"}},"
                    + "{\"keyId\":\"k2\",\"policy\":{\"mode\":\"fixed\",\"quantity\":\"0.001\"},"
                    + "\"paused\":true}]}"),
            id -> id.startsWith("k"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> followers =
        (List<Map<String, Object>>) java.util.Objects.requireNonNull(c.get("followers"));
    assertThat(followers).hasSize(2);
    assertThat(followers.get(0))
        .containsEntry("policy", Map.of("mode", "ratio", "ratio", "0.50"))
        .containsEntry("paused", false);
    assertThat(followers.get(1)).containsEntry("paused", true);
  }

  @Test
  void namesTheFollowerFieldOfAnInvalidPolicy() {
    assertThatThrownBy(
            () ->
                BotSpecs.validate(
                    "copier",
                    config(
                        "{\"followers\":[{\"keyId\":\"k1\",\"policy\":{\"mode\":\"ratio\","
                            + "\"ratio\":\"-1\"}}]}"),
                    id -> true))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.field).isEqualTo("config.followers[0].policy.ratio"))
        .hasMessageContaining("must be greater than 0");
  }

  @Test
  void refusesAFollowerKeyTheOwnerDoesNotHave() {
    assertThatThrownBy(
            () ->
                BotSpecs.validate(
                    "copier",
                    config(
                        "{\"followers\":[{\"keyId\":\"theirs\",\"policy\":{\"mode\":\"fixed\","
                            + "\"quantity\":\"1\"}}]}"),
                    id -> false))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.field).isEqualTo("config.followers[0].keyId"));
  }

  @Test
  void refusesAnUnknownParameterOfAMarketMaker() {
    assertThatThrownBy(
            () ->
                BotSpecs.validate(
                    "market-maker",
                    config(
                        "{\"symbol\":\"BTCUSDT\",\"strategy\":\"fixed-spread\",\"parameters\":"
                            + "{\"spreadBps\":5,\"quantity\":\"0.01\",\"leverage\":100}}"),
                    id -> true))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.type).isEqualTo("unknown-field");
              assertThat(e.field).isEqualTo("config.parameters.leverage");
            });
  }

  @Test
  void refusesAQuantityGivenAsANumberBecauseMoneyIsExact() {
    assertThatThrownBy(
            () ->
                BotSpecs.validate(
                    "grid",
                    config(
                        "{\"symbol\":\"BTCUSDT\",\"lower\":\"90000\",\"upper\":\"100000\","
                            + "\"levels\":10,\"quantity\":0.1}"),
                    id -> true))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.field).isEqualTo("config.quantity"))
        .hasMessageContaining("decimal string");
  }

  @Test
  void refusesAGridWhoseUpperIsNotAboveLower() {
    assertThatThrownBy(
            () ->
                BotSpecs.validate(
                    "grid",
                    config(
                        "{\"symbol\":\"BTCUSDT\",\"lower\":\"100\",\"upper\":\"100\","
                            + "\"levels\":10,\"quantity\":\"0.1\"}"),
                    id -> true))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.field).isEqualTo("config.upper"));
  }

  @Test
  void refusesAnUnknownKind() {
    assertThatThrownBy(() -> BotSpecs.validate("martingale", config("{}"), id -> true))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field).isEqualTo("kind"));
  }

  private static final String ONE_FOLLOWER =
      "\"followers\":[{\"keyId\":\"k1\",\"policy\":{\"mode\":\"fixed\",\"quantity\":\"1\"}}]";

  private static Map<String, Object> copier(String extra) {
    return BotSpecs.validate("copier", config("{" + ONE_FOLLOWER + extra + "}"), id -> true);
  }

  private static void refusesCopier(String extra, String field, String message) {
    assertThatThrownBy(() -> copier(extra))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field).isEqualTo(field))
        .hasMessageContaining(message);
  }

  @Test
  void aCopierMayNameAPostgresJournalAndAnInstance() {
    assertThat(
            copier(
                ",\"journal\":\"jdbc:postgresql://db:5432/copier?user=tk\","
                    + "\"instance\":\"node-a\""))
        .containsEntry("journal", "jdbc:postgresql://db:5432/copier?user=tk")
        .containsEntry("instance", "node-a");
    assertThat(copier(",\"journal\":\"copier-main.db\""))
        .containsEntry("journal", "copier-main.db")
        .doesNotContainKey("instance");
    assertThat(copier("")).doesNotContainKeys("journal", "instance");
  }

  @Test
  void refusesACopierJournalThatIsNeitherPostgresNorAFileName() {
    refusesCopier(",\"journal\":\"jdbc:mysql://db/c\"", "config.journal", "jdbc:postgresql://");
    refusesCopier(",\"journal\":\"../../etc/x.db\"", "config.journal", "SQLite file name");
    refusesCopier(",\"journal\":\"/var/lib/x.db\"", "config.journal", "SQLite file name");
    refusesCopier(",\"journal\":\"notes.txt\"", "config.journal", "ending in .db");
  }

  @Test
  void refusesAPasswordInACopierJournalUrlWithoutEchoingIt() {
    assertThatThrownBy(
            () -> copier(",\"journal\":\"jdbc:postgresql://db/c?user=tk&password=hunter2\""))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.field).isEqualTo("config.journal"))
        .hasMessageContaining("must not contain a password")
        .hasMessageNotContaining("hunter2");
    refusesCopier(
        ",\"journal\":\"jdbc:postgresql://tk:hunter2@db/c\"",
        "config.journal",
        "must not contain a password");
  }

  @Test
  void refusesAnInstanceWithoutAPostgresJournal() {
    refusesCopier(",\"instance\":\"node-a\"", "config.instance", "needs a journal on PostgreSQL");
    refusesCopier(
        ",\"journal\":\"a.db\",\"instance\":\"node-a\"",
        "config.instance",
        "needs a journal on PostgreSQL");
    refusesCopier(
        ",\"journal\":\"jdbc:postgresql://db/c\",\"instance\":\"node a\"",
        "config.instance",
        "1 to 64 letters");
  }

  @Test
  void copierStatusShowsWhoOwnsEachLeaseAndWhenItRunsOut() {
    List<Map<String, Object>> leases =
        CopierRun.leases(
            List.of(
                new dev.tradekit.copier.CopierLease("follower:alice", "node-a", 3, 10_500),
                new dev.tradekit.copier.CopierLease("follower:bob", null, 1, 9_000)),
            10_000);
    assertThat(leases.get(0))
        .containsEntry("lease", "follower:alice")
        .containsEntry("owner", "node-a")
        .containsEntry("epoch", 3L)
        .containsEntry("expiresInMillis", 500L);
    assertThat(leases.get(1)).containsEntry("owner", null).containsEntry("expiresInMillis", -1000L);
  }
}
