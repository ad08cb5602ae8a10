package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad request gets a typed 4xx problem body and changes nothing in the store. */
class BadInputIT {
  static final String SECRET = "KNOWN-SECRET-bad-input-51e0";
  @TempDir Path dir;
  private @Nullable ServerFixture fixture;
  private String token = "";
  private String keyId = "";

  @BeforeAll
  static void capture() {
    ServerFixture.captureStderr();
  }

  @AfterAll
  static void noSecretInAnyResponseOrLog() {
    assertThat(ServerFixture.SEEN.toString()).doesNotContain(SECRET);
    assertThat(ServerFixture.capturedStderr()).doesNotContain(SECRET);
  }

  @BeforeEach
  void start() {
    ServerFixture f =
        new ServerFixture(ServerFixture.builder(dir, ServerFixture.key(1)).build().start());
    fixture = f;
    token = f.setupAdmin();
    keyId = f.key(token, "AK", SECRET);
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private ServerFixture f() {
    return java.util.Objects.requireNonNull(fixture);
  }

  /** Posts a bad bot, checks the problem, and that no bot, key or event was added. */
  private Map<String, Object> refusedBot(String body, int status, String type) {
    Store store = f().plane.store();
    List<Store.Bot> bots = store.bots(null);
    int keys = store.keys(null).size();
    int events = store.eventsAfter(null, 0, 10_000).size();
    HttpResponse<String> r = f().post("/api/bots", body, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type").orElse(""))
        .startsWith("application/problem+json");
    Map<String, Object> problem = ServerFixture.json(r);
    assertThat(problem).containsEntry("type", ApiException.TYPE_BASE + type);
    assertThat(store.bots(null)).isEqualTo(bots);
    assertThat(store.keys(null)).hasSize(keys);
    assertThat(store.eventsAfter(null, 0, 10_000)).hasSize(events);
    return problem;
  }

  @Test
  void malformedJsonIsA400() {
    assertThat(
            refusedBot("{\"name\": \"x\",", 400, "malformed-json")
                .getOrDefault("detail", "")
                .toString())
        .contains("not valid JSON");
    refusedBot("[1,2]", 400, "malformed-json");
  }

  @Test
  void aWrongTypeNamesTheField() {
    String body = ServerFixture.gridBot(keyId).replace("\"levels\":10", "\"levels\":\"ten\"");
    assertThat(refusedBot(body, 400, "invalid-field"))
        .containsEntry("field", "config.levels")
        .extractingByKey("detail")
        .asString()
        .contains("must be an integer");
  }

  @Test
  void anUnknownFieldIsRefusedByName() {
    String body = ServerFixture.gridBot(keyId).replace("{\"name\"", "{\"colour\":\"red\",\"name\"");
    assertThat(refusedBot(body, 400, "unknown-field")).containsEntry("field", "colour");
  }

  @Test
  void anUnknownBotKindIsRefused() {
    String body =
        ServerFixture.gridBot(keyId).replace("\"kind\":\"grid\"", "\"kind\":\"martingale\"");
    assertThat(refusedBot(body, 400, "invalid-field")).containsEntry("field", "kind");
  }

  @Test
  void anInvalidCopierPolicyNamesTheFollowerField() {
    String body =
        "{\"name\":\"c\",\"kind\":\"copier\",\"provider\":\"sim\",\"keyId\":\""
            + keyId
            + "\",\"config\":{\"followers\":[{\"keyId\":\""
            + keyId
            + "\",\"policy\":{\"mode\":\"ratio\",\"ratio\":\"0\"}}]}}";
    assertThat(refusedBot(body, 400, "invalid-field"))
        .containsEntry("field", "config.followers[0].policy.ratio");
  }

  @Test
  void aHugeBodyIs413() {
    String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
    refusedBot(huge, 413, "too-large");
  }

  @Test
  void anUnknownRouteIs404AndAWrongMethod405() {
    HttpResponse<String> r = f().get("/api/nothing", token);
    assertThat(r.statusCode()).isEqualTo(404);
    HttpResponse<String> m = f().send("PUT", "/api/bots", "{}", token);
    assertThat(m.statusCode()).isEqualTo(405);
    assertThat(m.headers().firstValue("allow")).hasValue("GET, POST");
  }

  @Test
  void aBadAuditLimitNamesTheParameter() {
    HttpResponse<String> r = f().get("/api/audit?limit=0", token);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(ServerFixture.json(r)).containsEntry("field", "limit");
  }

  @Test
  void aValidBotIsCreatedAndUpdatedWithItsConfigNormalised() {
    String id = f().bot(token, keyId);
    HttpResponse<String> r =
        f().send(
                "PATCH",
                "/api/bots/" + id,
                "{\"config\":{\"symbol\":\"ETHUSDT\",\"lower\":\"3000.50\",\"upper\":\"4000\","
                    + "\"levels\":20,\"quantity\":\"0.010\"}}",
                token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> config =
        (Map<String, Object>) ServerFixture.json(r).getOrDefault("config", Map.of());
    assertThat(config).containsEntry("symbol", "ETHUSDT").containsEntry("lower", "3000.50");
    HttpResponse<String> bad =
        f().send("PATCH", "/api/bots/" + id, "{\"config\":{\"symbol\":\"x\"}}", token);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(f().plane.store().bot(id).orElseThrow().configJson()).contains("ETHUSDT");
  }

  @Test
  void aKeyInUseCannotBeDeleted() {
    f().bot(token, keyId);
    HttpResponse<String> r = f().send("DELETE", "/api/keys/" + keyId, null, token);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(f().plane.store().key(keyId)).isPresent();
  }
}
