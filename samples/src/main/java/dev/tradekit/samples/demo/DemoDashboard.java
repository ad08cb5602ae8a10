package dev.tradekit.samples.demo;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.tradekit.server.ControlPlane;
import dev.tradekit.server.Stores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The demo's dashboard: a control plane on loopback whose user {@value #USER} owns the demo's bot
 * set (a market maker, a copier of the demo's leader onto two followers, a scanner), run by the
 * control plane on the demo's local venue, each on its own venue accounts ({@code web-mm}, {@code
 * web-alice}, {@code web-bob}; the leader and the scanner's key are the demo's). The user has a
 * random password nobody sees: the one way in is the one-time sign-in link.
 */
final class DemoDashboard implements AutoCloseable {
  static final String USER = "demo";

  /** How long the printed sign-in link works (once). */
  static final Duration LINK_LIFE = Duration.ofMinutes(15);

  /** The venue accounts the dashboard's bots trade on (the leader is the demo's own). */
  static final List<String> ACCOUNTS = List.of("web-mm", "web-alice", "web-bob");

  private static final JsonAdapter<Map<String, Object>> JSON =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final ControlPlane plane;
  private final String link;
  private final List<String> bots;

  private DemoDashboard(ControlPlane plane, String link, List<String> bots) {
    this.plane = plane;
    this.link = link;
    this.bots = bots;
  }

  /**
   * Starts the control plane, adds the demo user (unless the data folder already has it), defines
   * and starts the demo's bots through the HTTP API and makes a sign-in link.
   *
   * @throws IllegalStateException if the control plane or a bot does not start
   */
  static DemoDashboard start(DemoVenue venue, Demo.Dashboard settings) {
    ControlPlane plane =
        ControlPlane.builder()
            .bind("127.0.0.1", settings.port())
            .store(Stores.sqlite(settings.dataDir().resolve("tradekit.db")))
            .vault(settings.masterKey())
            .journals(settings.dataDir())
            .resumeBots(false)
            .exchanges((provider, credentials) -> venue.adapter(credentials.apiKey()))
            .build()
            .start();
    try {
      // a random password nobody learns (a data folder used before has the user already); the
      // demo signs itself in with a one-time link too
      plane.addUser(
          USER, Base64.getUrlEncoder().withoutPadding().encodeToString(random(24)), "admin");
      Client api = new Client(plane.url(), plane.signInLink(USER, Duration.ofMinutes(1)));
      Map<String, String> keys = new LinkedHashMap<>();
      for (String account : List.of("web-mm", "leader", "web-alice", "web-bob", "scanner")) {
        keys.put(
            account,
            api.id(
                "/api/keys",
                "{\"exchange\":\"binance-usdm\",\"account\":\""
                    + account
                    + "\",\"apiKey\":\""
                    + account
                    + "\",\"apiSecret\":\""
                    + DemoVenue.secret(account)
                    + "\"}"));
      }
      List<String> ids = new ArrayList<>();
      ids.add(
          api.id(
              "/api/bots",
              "{\"name\":\"demo market maker\",\"kind\":\"market-maker\",\"provider\":"
                  + "\"binance-usdm\",\"keyId\":\""
                  + keys.get("web-mm")
                  + "\",\"config\":{\"symbol\":\""
                  + DemoMarket.SYMBOL
                  + "\",\"strategy\":\"ladder\",\"parameters\":{\"spreadBps\":2,"
                  + "\"quantity\":\"0.004\",\"levels\":2,\"stepBps\":2},"
                  + "\"risk\":{\"maxPosition\":\"0.05\"}}}"));
      ids.add(
          api.id(
              "/api/bots",
              "{\"name\":\"demo copier\",\"kind\":\"copier\",\"provider\":\"binance-usdm\","
                  + "\"keyId\":\""
                  + keys.get("leader")
                  + "\",\"config\":{\"followers\":[{\"keyId\":\""
                  + keys.get("web-alice")
                  + "\",\"policy\":{\"mode\":\"ratio\",\"ratio\":\"0.5\"}},{\"keyId\":\""
                  + keys.get("web-bob")
                  + "\",\"policy\":{\"mode\":\"ratio\",\"ratio\":\"1\"}}]}}"));
      ids.add(
          api.id(
              "/api/bots",
              "{\"name\":\"demo scanner\",\"kind\":\"scanner\",\"provider\":\"binance-usdm\","
                  + "\"keyId\":\""
                  + keys.get("scanner")
                  + "\",\"config\":{\"symbols\":[\""
                  + DemoMarket.SYMBOL
                  + "\"],\"minNotional\":\"20000\",\"promotionSeconds\":5}}"));
      for (String id : ids) {
        api.send("POST", "/api/bots/" + id + "/start", "", 200);
      }
      return new DemoDashboard(plane, plane.signInLink(USER, LINK_LIFE), List.copyOf(ids));
    } catch (RuntimeException e) {
      plane.close();
      throw e;
    }
  }

  /** The dashboard's address. */
  String url() {
    return plane.url();
  }

  /** The one-time sign-in link (works once, for {@link #LINK_LIFE}). */
  String link() {
    return link;
  }

  /** The ids of the bots the dashboard runs. */
  List<String> bots() {
    return bots;
  }

  /** Stops the bots (the market maker cancels its orders) and the control plane. */
  @Override
  public void close() {
    plane.close();
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  /** The control plane's HTTP API, signed in as the demo user. */
  private static final class Client {
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final String base;
    private String bearer = "";

    /** Signs in with a one-time link's token. */
    Client(String base, String link) {
      this.base = base;
      String token = link.substring(link.indexOf("token=") + "token=".length());
      this.bearer =
          String.valueOf(
              send("POST", "/api/auth/link", "{\"token\":\"" + token + "\"}", 200)
                  .get("accessToken"));
    }

    String id(String path, String body) {
      return String.valueOf(Objects.requireNonNull(send("POST", path, body, 201).get("id")));
    }

    Map<String, Object> send(String method, String path, String body, int expected) {
      HttpRequest.Builder r =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(90))
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(body));
      if (!bearer.isEmpty()) {
        r.header("Authorization", "Bearer " + bearer);
      }
      HttpResponse<String> reply;
      try {
        reply = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new IllegalStateException("the demo's control plane did not answer: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while setting up the dashboard", e);
      }
      if (reply.statusCode() != expected) {
        throw new IllegalStateException(
            "the dashboard's "
                + method
                + " "
                + path.replaceAll("/api/", "")
                + " answered "
                + reply.statusCode()
                + ": "
                + reply.body());
      }
      try {
        Map<String, Object> m = JSON.fromJson(reply.body());
        return m == null ? Map.of() : m;
      } catch (IOException e) {
        throw new IllegalStateException("the dashboard answered no JSON object: " + e, e);
      }
    }
  }
}
