package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication, authorisation and the safe defaults, over loopback with a real HTTP client. */
class SecurityIT {
  static final String SECRET = "KNOWN-SECRET-never-leaks-7f3a9c";
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  private @Nullable ServerFixture fixture;

  @BeforeAll
  static void capture() {
    ServerFixture.captureStderr();
  }

  ServerFixture start(ControlPlane.Builder b) {
    ServerFixture f = new ServerFixture(b.build().start());
    fixture = f;
    return f;
  }

  ServerFixture start() {
    return start(ServerFixture.builder(dir, ServerFixture.key(1)).clock(clock));
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @AfterAll
  static void noSecretInAnyResponseOrLog() {
    assertThat(ServerFixture.SEEN.toString()).doesNotContain(SECRET);
    assertThat(ServerFixture.capturedStderr()).doesNotContain(SECRET);
  }

  private static void assertProblem(HttpResponse<String> r, int status, String type) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type").orElse(""))
        .startsWith("application/problem+json");
    Map<String, Object> body = ServerFixture.json(r);
    assertThat(body.get("type")).isEqualTo(ApiException.TYPE_BASE + type);
    assertThat(((Number) body.getOrDefault("status", -1)).intValue()).isEqualTo(status);
  }

  @Test
  void firstRunCreatesTheAdminOnlyThroughTheOneTimeSetupToken() {
    ServerFixture f = start();
    assertThat(ServerFixture.json(f.get("/api/health", null))).containsEntry("setupRequired", true);
    assertThat(f.plane.setupLink()).hasValueSatisfying(l -> assertThat(l).startsWith(f.base));
    assertProblem(
        f.post(
            "/api/setup",
            "{\"token\":\"guess\",\"username\":\"admin\",\"password\":\"admin-password-123\"}",
            null),
        403,
        "forbidden");
    String token = f.plane.setupToken().orElseThrow();
    f.setupAdmin();
    assertThat(f.plane.setupLink()).isEmpty();
    assertProblem(
        f.post(
            "/api/setup",
            "{\"token\":\""
                + token
                + "\",\"username\":\"evil\",\"password\":\"evil-password-123\"}",
            null),
        409,
        "setup-done");
    assertThat(ServerFixture.json(f.get("/api/health", null)))
        .containsEntry("setupRequired", false);
  }

  @Test
  void refusesAnyCallWithoutAToken() {
    ServerFixture f = start();
    f.setupAdmin();
    HttpResponse<String> r = f.get("/api/bots", null);
    assertProblem(r, 401, "unauthorized");
    assertThat(r.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"tradekit\"");
  }

  @Test
  void refusesAnExpiredToken() {
    ServerFixture f = start();
    String token = f.setupAdmin();
    assertThat(f.get("/api/me", token).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(16));
    assertProblem(f.get("/api/me", token), 401, "unauthorized");
  }

  @Test
  void refusesTamperedAlgNoneAndForeignKeyTokens() {
    ServerFixture f = start();
    String token = f.setupAdmin();
    String[] parts = token.split("\\.", -1);
    String tampered = parts[0] + "." + parts[1] + "x." + parts[2];
    assertProblem(f.get("/api/me", tampered), 401, "unauthorized");
    String badSig = parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A";
    assertProblem(f.get("/api/me", badSig), 401, "unauthorized");
    String none =
        new PlainJWT(
                new JWTClaimsSet.Builder()
                    .issuer("tradekit")
                    .subject("usr_x")
                    .claim("name", "admin")
                    .claim("role", "admin")
                    .claim("csrf", "c")
                    .expirationTime(new Date(clock.millis() + 60_000))
                    .build())
            .serialize();
    assertProblem(f.get("/api/users", none), 401, "unauthorized");
    Tokens foreign = new Tokens(new byte[32], clock, Duration.ofMinutes(15));
    String other = foreign.issue(new Store.User("usr_x", "admin", "admin", "h", 0), "c");
    assertProblem(f.get("/api/users", other), 401, "unauthorized");
  }

  @Test
  void reusingASpentRefreshTokenRevokesTheWholeSession() {
    ServerFixture f = start();
    f.setupAdmin();
    String r1 =
        f.login("admin", ServerFixture.ADMIN_PASSWORD).getOrDefault("refreshToken", "").toString();
    HttpResponse<String> first =
        f.post("/api/auth/refresh", "{\"refreshToken\":\"" + r1 + "\"}", null);
    assertThat(first.statusCode()).isEqualTo(200);
    String r2 = ServerFixture.json(first).getOrDefault("refreshToken", "").toString();
    assertThat(r2).isNotEqualTo(r1);
    assertProblem(
        f.post("/api/auth/refresh", "{\"refreshToken\":\"" + r1 + "\"}", null),
        401,
        "unauthorized");
    assertProblem(
        f.post("/api/auth/refresh", "{\"refreshToken\":\"" + r2 + "\"}", null),
        401,
        "unauthorized");
    assertThat(
            ServerFixture.items(
                f.get(
                    "/api/audit",
                    f.login("admin", ServerFixture.ADMIN_PASSWORD)
                        .getOrDefault("accessToken", "")
                        .toString())))
        .anySatisfy(e -> assertThat(e).containsEntry("action", "refresh-reuse"));
  }

  @Test
  void logoutRevokesTheRefreshToken() {
    ServerFixture f = start();
    f.setupAdmin();
    String r1 =
        f.login("admin", ServerFixture.ADMIN_PASSWORD).getOrDefault("refreshToken", "").toString();
    assertThat(f.post("/api/auth/logout", "{\"refreshToken\":\"" + r1 + "\"}", null).statusCode())
        .isEqualTo(204);
    assertProblem(
        f.post("/api/auth/refresh", "{\"refreshToken\":\"" + r1 + "\"}", null),
        401,
        "unauthorized");
  }

  @Test
  void anAdminRevokesAllSessionsOfAUser() {
    ServerFixture f = start();
    String admin = f.setupAdmin();
    f.user(admin, "tina", "trader");
    String refresh = f.login("tina", "tina-password-1").getOrDefault("refreshToken", "").toString();
    String tinaId =
        ServerFixture.items(f.get("/api/users", admin)).stream()
            .filter(u -> "tina".equals(u.get("username")))
            .findFirst()
            .orElseThrow()
            .getOrDefault("id", "")
            .toString();
    assertThat(f.send("DELETE", "/api/users/" + tinaId + "/sessions", null, admin).statusCode())
        .isEqualTo(204);
    assertProblem(
        f.post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}", null),
        401,
        "unauthorized");
  }

  @Test
  void aViewerReadsButCannotChangeAnything() {
    ServerFixture f = start();
    String admin = f.setupAdmin();
    String viewer = f.user(admin, "vera", "viewer");
    assertThat(f.get("/api/bots", viewer).statusCode()).isEqualTo(200);
    assertProblem(f.post("/api/bots", ServerFixture.gridBot("key_x"), viewer), 403, "forbidden");
    assertProblem(
        f.post(
            "/api/keys",
            "{\"exchange\":\"sim\",\"account\":\"a\",\"apiKey\":\"k\",\"apiSecret\":\""
                + SECRET
                + "\"}",
            viewer),
        403,
        "forbidden");
    assertProblem(f.get("/api/users", viewer), 403, "forbidden");
    assertThat(f.plane.store().keys(null)).isEmpty();
  }

  @Test
  void userAGets404OnUserBsBotAndKeyButTheAdminSeesThem() {
    ServerFixture f = start();
    String admin = f.setupAdmin();
    String alice = f.user(admin, "alice", "trader");
    String bob = f.user(admin, "bob", "trader");
    String bobKey = f.key(bob, "BOBKEY", SECRET);
    String bobBot = f.bot(bob, bobKey);
    assertProblem(f.get("/api/bots/" + bobBot, alice), 404, "not-found");
    assertProblem(
        f.send("PATCH", "/api/bots/" + bobBot, "{\"name\":\"mine\"}", alice), 404, "not-found");
    assertProblem(f.send("DELETE", "/api/bots/" + bobBot, null, alice), 404, "not-found");
    assertProblem(f.get("/api/keys/" + bobKey, alice), 404, "not-found");
    assertProblem(f.send("DELETE", "/api/keys/" + bobKey, null, alice), 404, "not-found");
    assertThat(ServerFixture.items(f.get("/api/bots", alice))).isEmpty();
    assertThat(ServerFixture.items(f.get("/api/keys", alice))).isEmpty();
    assertProblem(f.post("/api/bots", ServerFixture.gridBot(bobKey), alice), 400, "invalid-field");
    assertThat(f.get("/api/bots/" + bobBot, bob).statusCode()).isEqualTo(200);
    assertThat(f.get("/api/bots/" + bobBot, admin).statusCode()).isEqualTo(200);
    assertThat(f.plane.store().bot(bobBot).orElseThrow().name()).isEqualTo("grid one");
  }

  @Test
  void theKeyApiShowsOnlyFingerprintAndAccount() {
    ServerFixture f = start();
    String admin = f.setupAdmin();
    String id = f.key(admin, "AKIA-PUBLIC-PART", SECRET);
    HttpResponse<String> r = f.get("/api/keys/" + id, admin);
    assertThat(ServerFixture.json(r))
        .containsEntry("account", "main")
        .containsEntry("fingerprint", Vault.fingerprint("AKIA-PUBLIC-PART"))
        .doesNotContainKeys("apiKey", "apiSecret");
    assertThat(r.body()).doesNotContain("AKIA-PUBLIC-PART");
    assertThat(f.plane.secrets().secret(f.plane.store().key(id).orElseThrow().owner(), id))
        .containsEntry("apiSecret", SECRET);
  }

  @Test
  void aCookieSessionNeedsTheCsrfHeaderToChangeAnything() {
    ServerFixture f = start();
    f.setupAdmin();
    HttpResponse<String> login =
        f.post(
            "/api/auth/login",
            "{\"username\":\"admin\",\"password\":\"" + ServerFixture.ADMIN_PASSWORD + "\"}",
            null);
    assertThat(f.cookies(login))
        .anySatisfy(
            c -> assertThat(c).startsWith("tk_access=").contains("HttpOnly", "SameSite=Strict"))
        .anySatisfy(c -> assertThat(c).startsWith("tk_refresh=").contains("HttpOnly"));
    String access = ServerFixture.json(login).getOrDefault("accessToken", "").toString();
    String csrf = ServerFixture.json(login).getOrDefault("csrfToken", "").toString();
    String cookie = "tk_access=" + access;
    String body =
        "{\"exchange\":\"sim\",\"account\":\"a\",\"apiKey\":\"k\",\"apiSecret\":\""
            + SECRET
            + "\"}";
    assertThat(f.send("GET", "/api/keys", null, null, "Cookie", cookie).statusCode())
        .isEqualTo(200);
    assertProblem(f.send("POST", "/api/keys", body, null, "Cookie", cookie), 403, "csrf");
    assertProblem(
        f.send("POST", "/api/keys", body, null, "Cookie", cookie, "X-CSRF-Token", "wrong"),
        403,
        "csrf");
    assertThat(f.plane.store().keys(null)).isEmpty();
    assertThat(
            f.send("POST", "/api/keys", body, null, "Cookie", cookie, "X-CSRF-Token", csrf)
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void aBrowserRefreshesByCookieWithTheCsrfHeaderAndCanSignInAgainDespiteAStaleCookie() {
    ServerFixture f = start();
    f.setupAdmin();
    Map<String, Object> session = f.login("admin", ServerFixture.ADMIN_PASSWORD);
    String cookies =
        "tk_refresh="
            + session.getOrDefault("refreshToken", "")
            + "; tk_csrf="
            + session.getOrDefault("csrfToken", "");
    assertProblem(f.send("POST", "/api/auth/refresh", null, null, "Cookie", cookies), 403, "csrf");
    HttpResponse<String> refreshed =
        f.send(
            "POST",
            "/api/auth/refresh",
            null,
            null,
            "Cookie",
            cookies,
            "X-CSRF-Token",
            session.getOrDefault("csrfToken", "").toString());
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    HttpResponse<String> relogin =
        f.send(
            "POST",
            "/api/auth/login",
            "{\"username\":\"admin\",\"password\":\"" + ServerFixture.ADMIN_PASSWORD + "\"}",
            null,
            "Cookie",
            cookies);
    assertThat(relogin.statusCode()).as(relogin.body()).isEqualTo(200);
  }

  @Test
  void throttlesLoginBruteForceEvenWhenTheRightPasswordFinallyComes() {
    ServerFixture f = start();
    f.setupAdmin();
    for (int i = 0; i < 5; i++) {
      assertProblem(
          f.post(
              "/api/auth/login", "{\"username\":\"admin\",\"password\":\"guess-" + i + "\"}", null),
          401,
          "unauthorized");
    }
    HttpResponse<String> r =
        f.post(
            "/api/auth/login",
            "{\"username\":\"admin\",\"password\":\"" + ServerFixture.ADMIN_PASSWORD + "\"}",
            null);
    assertProblem(r, 429, "login-throttled");
    assertThat(r.headers().firstValue("retry-after")).isPresent();
    clock.advance(Duration.ofMinutes(16));
    assertThat(f.login("admin", ServerFixture.ADMIN_PASSWORD)).containsKey("accessToken");
  }

  @Test
  void aWrongMasterKeyFailsAtStartWithOneClearError() {
    ServerFixture.builder(dir, ServerFixture.key(1)).build().start().close();
    ControlPlane wrong = ServerFixture.builder(dir, ServerFixture.key(9)).build();
    assertThatThrownBy(wrong::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("wrong master key")
        .hasNoCause();
  }

  @Test
  void refusesANonLoopbackBindWithoutTlsUnlessTheOperatorInsists() {
    assertThatThrownBy(
            () ->
                ControlPlane.builder()
                    .bind("0.0.0.0", 0)
                    .store(Stores.sqlite(dir.resolve("x.db")))
                    .vault(ServerFixture.key(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a loopback address");
    assertThat(
            ControlPlane.builder()
                .bind("0.0.0.0", 0)
                .allowInsecureBind()
                .store(Stores.sqlite(dir.resolve("x.db")))
                .vault(ServerFixture.key(1))
                .build())
        .isNotNull();
    assertThat(ServerFixture.capturedStderr()).contains("SECURITY WARNING");
  }

  @Test
  void sendsCorsHeadersOnlyToConfiguredOrigins() {
    ServerFixture f =
        start(ServerFixture.builder(dir, ServerFixture.key(1)).corsOrigins("https://ui.example"));
    HttpResponse<String> ok =
        f.send("GET", "/api/health", null, null, "Origin", "https://ui.example");
    assertThat(ok.headers().firstValue("access-control-allow-origin"))
        .hasValue("https://ui.example");
    HttpResponse<String> other =
        f.send("GET", "/api/health", null, null, "Origin", "https://evil.example");
    assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
    assertProblem(
        f.send("OPTIONS", "/api/bots", null, null, "Origin", "https://evil.example"),
        403,
        "forbidden");
    assertThat(
            f.send("OPTIONS", "/api/bots", null, null, "Origin", "https://ui.example").statusCode())
        .isEqualTo(204);
  }

  @Test
  void theMetricsScrapeCarriesNoSecretNoKeyIdAndNoUserName() {
    ServerFixture f = start();
    String admin = f.setupAdmin();
    String trader = f.user(admin, "tina", "trader");
    String key = f.key(trader, "AKIA-METRICS-PART", SECRET);
    String bot = f.bot(trader, key);
    assertThat(f.get("/api/bots/" + bot, trader).statusCode()).isEqualTo(200);
    // running or not (the sim venue may refuse these keys), the bot has meters
    assertThat(f.post("/api/bots/" + bot + "/start", "", trader).statusCode()).isIn(200, 409);
    // the scrape goes into SEEN, which noSecretInAnyResponseOrLog scans after every test
    HttpResponse<String> r = f.get("/metrics", admin);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("uri=\"/api/bots/{id}\"")
        .contains("bot=\"" + bot + "\"")
        .doesNotContain(SECRET)
        .doesNotContain("AKIA-METRICS-PART")
        .doesNotContain(key)
        .doesNotContain("tina");
  }

  @Test
  void keepsUsersKeysAndBotsAcrossARestart() {
    ServerFixture f = start();
    String admin = f.setupAdmin();
    String bot = f.bot(admin, f.key(admin, "K1", SECRET));
    f.close();
    fixture = null;
    ServerFixture g = start();
    assertThat(g.plane.setupLink()).isEmpty();
    String again =
        g.login("admin", ServerFixture.ADMIN_PASSWORD).getOrDefault("accessToken", "").toString();
    assertThat(ServerFixture.json(g.get("/api/bots/" + bot, again)))
        .containsEntry("name", "grid one");
  }
}
