package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A started control plane on loopback and a real HTTP client, with helpers for the ITs. */
final class ServerFixture implements AutoCloseable {
  static final String ADMIN_PASSWORD = "admin-password-123";

  /** Every response body any IT saw, for the "a secret never leaks" check. */
  static final StringBuffer SEEN = new StringBuffer();

  /** Everything written to System.err (slf4j-simple's target) while the ITs run. */
  static final ByteArrayOutputStream ERR = new ByteArrayOutputStream();

  private static boolean teeInstalled;

  static synchronized void captureStderr() {
    if (teeInstalled) {
      return;
    }
    teeInstalled = true;
    PrintStream original = System.err;
    System.setErr(
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) {
                original.write(b);
                synchronized (ERR) {
                  ERR.write(b);
                }
              }

              @Override
              public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (ERR) {
                  ERR.write(b, off, len);
                }
              }
            },
            true,
            StandardCharsets.UTF_8));
  }

  static String capturedStderr() {
    synchronized (ERR) {
      return ERR.toString(StandardCharsets.UTF_8);
    }
  }

  final ControlPlane plane;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
  final String base;

  ServerFixture(ControlPlane plane) {
    this.plane = plane;
    this.base = plane.url();
  }

  static ControlPlane.Builder builder(Path dir, MasterKey key) {
    return ControlPlane.builder()
        .bind("127.0.0.1", 0)
        .store(Stores.sqlite(dir.resolve("tradekit.db")))
        .vault(key);
  }

  static MasterKey key(int seed) {
    byte[] k = new byte[32];
    java.util.Arrays.fill(k, (byte) seed);
    return MasterKey.ofBytes(k);
  }

  HttpResponse<String> send(
      String method,
      String path,
      @Nullable String body,
      @Nullable String token,
      String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      SEEN.append(r.body()).append('\n').append(r.headers().map()).append('\n');
      return r;
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, @Nullable String token) {
    return send("GET", path, null, token);
  }

  HttpResponse<String> post(String path, String body, @Nullable String token) {
    return send("POST", path, body, token);
  }

  static Map<String, Object> json(HttpResponse<String> r) {
    return Json.readObject(r.body());
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> items(HttpResponse<String> r) {
    return (List<Map<String, Object>>) java.util.Objects.requireNonNull(json(r).get("items"));
  }

  /** Creates the admin through the setup token; returns an access token. */
  String setupAdmin() {
    String token = plane.setupToken().orElseThrow();
    HttpResponse<String> r =
        post(
            "/api/setup",
            "{\"token\":\""
                + token
                + "\",\"username\":\"admin\",\"password\":\""
                + ADMIN_PASSWORD
                + "\"}",
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return login("admin", ADMIN_PASSWORD).getOrDefault("accessToken", "").toString();
  }

  Map<String, Object> login(String user, String password) {
    HttpResponse<String> r =
        post(
            "/api/auth/login",
            "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}",
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  /** The access tokens of the usual cast: the admin, traders alice and bob, viewer vera. */
  record Users(String admin, String alice, String bob, String viewer) {}

  /** Creates the admin through setup, then alice and bob (traders) and vera (viewer). */
  Users users() {
    String admin = setupAdmin();
    return new Users(
        admin,
        user(admin, "alice", "trader"),
        user(admin, "bob", "trader"),
        user(admin, "vera", "viewer"));
  }

  /** Creates a user (as admin) and returns their access token. */
  String user(String adminToken, String name, String role) {
    String pw = name + "-password-1";
    HttpResponse<String> r =
        post(
            "/api/users",
            "{\"username\":\"" + name + "\",\"password\":\"" + pw + "\",\"role\":\"" + role + "\"}",
            adminToken);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return login(name, pw).getOrDefault("accessToken", "").toString();
  }

  String key(String token, String apiKey, String apiSecret) {
    HttpResponse<String> r =
        post(
            "/api/keys",
            "{\"exchange\":\"sim\",\"account\":\"main\",\"apiKey\":\""
                + apiKey
                + "\",\"apiSecret\":\""
                + apiSecret
                + "\"}",
            token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).getOrDefault("id", "").toString();
  }

  static String gridBot(String keyId) {
    return "{\"name\":\"grid one\",\"kind\":\"grid\",\"provider\":\"sim\",\"keyId\":\""
        + keyId
        + "\",\"config\":{\"symbol\":\"BTCUSDT\",\"lower\":\"90000\",\"upper\":\"100000\","
        + "\"levels\":10,\"quantity\":\"0.001\"}}";
  }

  /** A copy policy of half the leader's size, for {@link #copierBot}. */
  static final String RATIO_HALF = "{\"mode\":\"ratio\",\"ratio\":\"0.5\"}";

  /**
   * A copier named {@code copy} on {@code binance-usdm} copying {@code leaderKey}; {@code
   * followers} alternate a follower's key id and its policy as JSON, e.g. {@code
   * "{\"mode\":\"ratio\",\"ratio\":\"0.5\"}"}.
   */
  static String copierBot(String leaderKey, String... followers) {
    StringBuilder b =
        new StringBuilder("{\"name\":\"copy\",\"kind\":\"copier\",\"provider\":\"binance-usdm\",")
            .append("\"keyId\":\"")
            .append(leaderKey)
            .append("\",\"config\":{\"followers\":[");
    for (int i = 0; i + 1 < followers.length; i += 2) {
      b.append(i == 0 ? "" : ",")
          .append("{\"keyId\":\"")
          .append(followers[i])
          .append("\",\"policy\":")
          .append(followers[i + 1])
          .append('}');
    }
    return b.append("]}}").toString();
  }

  /** Creates the bot {@code json} as {@code token} and returns its id; fails unless 201. */
  String create(String json, String token) {
    HttpResponse<String> r = post("/api/bots", json, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).getOrDefault("id", "").toString();
  }

  String bot(String token, String keyId) {
    HttpResponse<String> r = post("/api/bots", gridBot(keyId), token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).getOrDefault("id", "").toString();
  }

  List<String> cookies(HttpResponse<String> r) {
    return new ArrayList<>(r.headers().allValues("set-cookie"));
  }

  @Override
  public void close() {
    plane.close();
  }
}
