package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.notify.WebhookVerifier;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * A user's webhook channel: set up over the API with its signing secret in the vault (never
 * returned), a test message, and a signed "bot stopped" event when their bot stops.
 */
class NotificationsIT extends ServerItSupport {
  private static final String SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  private final MockWebServer receiver = new MockWebServer();

  NotificationsIT() {
    closeLast.add(receiver::shutdown);
  }

  private static void verify(RecordedRequest r) {
    new WebhookVerifier(SECRET, Duration.ofMinutes(5), System::currentTimeMillis)
        .verify(
            r.getHeader("webhook-id"),
            r.getHeader("webhook-timestamp"),
            r.getHeader("webhook-signature"),
            r.getBody().readByteArray());
  }

  @Test
  void sendsASignedWebhookWhenABotStops() throws Exception {
    for (int i = 0; i < 4; i++) {
      receiver.enqueue(new MockResponse().setResponseCode(204));
    }
    receiver.start();
    VenueFixture v = venue("key-mm");
    ServerFixture f = serve(v, 6);
    String admin = f.setupAdmin();
    String alice = f.user(admin, "alice", "trader");
    String viewer = f.user(admin, "vera", "viewer");
    String channel =
        "{\"address\":\""
            + receiver.url("/hooks/tradekit")
            + "\",\"kinds\":[\"bot.stopped\"],\"minSeverity\":\"INFO\",\"secret\":\""
            + SECRET
            + "\"}";
    assertThat(f.send("PUT", "/api/notifications/channels/webhook", channel, viewer).statusCode())
        .isEqualTo(403);
    HttpResponse<String> put = f.send("PUT", "/api/notifications/channels/webhook", channel, alice);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(put.body()).contains("\"hasSecret\":true").doesNotContain(SECRET);
    assertThat(f.get("/api/notifications/channels", alice).body())
        .contains("bot.stopped")
        .doesNotContain(SECRET);
    assertThat(f.get("/api/keys", alice).body()).doesNotContain("notify.");

    HttpResponse<String> test = f.post("/api/notifications/channels/webhook/test", "", alice);
    assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
    RecordedRequest first = receiver.takeRequest(30, TimeUnit.SECONDS);
    assertThat(first).as("the test message arrived").isNotNull();
    assertThat(first.getPath()).isEqualTo("/hooks/tradekit");
    verify(first);

    String key = f.key(alice, "key-mm", VenueFixture.secret("key-mm"));
    HttpResponse<String> created =
        f.post(
            "/api/bots",
            "{\"name\":\"mm\",\"kind\":\"market-maker\",\"provider\":\"binance-usdm\",\"keyId\":\""
                + key
                + "\",\"config\":{\"symbol\":\"BTCUSDT\",\"strategy\":\"fixed-spread\","
                + "\"parameters\":{\"spreadBps\":10,\"quantity\":\"0.002\"}}}",
            alice);
    String bot = String.valueOf(ServerFixture.json(created).get("id"));
    assertThat(f.post("/api/bots/" + bot + "/start", "", alice).statusCode()).isEqualTo(200);
    assertThat(f.post("/api/bots/" + bot + "/stop", "", alice).statusCode()).isEqualTo(200);

    RecordedRequest stopped = receiver.takeRequest(30, TimeUnit.SECONDS);
    assertThat(stopped).as("the bot.stopped webhook arrived").isNotNull();
    String body = stopped.getBody().clone().readUtf8();
    assertThat(body).contains("\"type\":\"bot.stopped\"").contains(bot);
    verify(stopped);
    assertThat(receiver.takeRequest(1, TimeUnit.SECONDS))
        .as("bot.started is not among the kinds alice chose")
        .isNull();
    assertThat(ServerFixture.SEEN.toString()).doesNotContain(SECRET);
    assertThat(ServerFixture.capturedStderr()).doesNotContain(SECRET);
  }

  @Test
  void adminsSetTheOperatorsTelegramAndSmtpSettingsAndNeverSeeTheirSecrets() throws Exception {
    ServerFixture f = serve(ServerFixture.builder(dir, ServerFixture.key(8)));
    String admin = f.setupAdmin();
    String alice = f.user(admin, "alice", "trader");
    String token = "987654:AAOperatorTokenSetOverTheApi0123";
    String tg = "/api/admin/notifications/telegram";
    assertThat(f.send("PUT", tg, "{\"token\":\"" + token + "\"}", alice).statusCode())
        .isEqualTo(403);
    HttpResponse<String> bad = f.send("PUT", tg, "{\"token\":\"secret-but-malformed\"}", admin);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("token").doesNotContain("secret-but-malformed");
    assertThat(f.get(tg, admin).body()).contains("\"configured\":false");
    HttpResponse<String> put = f.send("PUT", tg, "{\"token\":\"" + token + "\"}", admin);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(put.body()).contains("\"hasToken\":true").doesNotContain(token);

    String mail = "/api/admin/notifications/email";
    assertThat(
            f.send("PUT", mail, "{\"host\":\"smtp.example\",\"port\":0,\"from\":\"a@b.c\"}", admin)
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> smtp =
        f.send(
            "PUT",
            mail,
            "{\"host\":\"smtp.example\",\"port\":587,\"security\":\"STARTTLS\","
                + "\"from\":\"alerts@example.com\",\"username\":\"alerts\","
                + "\"password\":\"smtp-pass-never-returned\"}",
            admin);
    assertThat(smtp.statusCode()).as(smtp.body()).isEqualTo(200);
    assertThat(f.get(mail, admin).body())
        .contains("\"port\":587", "\"hasPassword\":true", "\"username\":\"alerts\"")
        .doesNotContain("smtp-pass-never-returned");
    assertThat(f.send("DELETE", mail, null, admin).statusCode()).isEqualTo(204);
    assertThat(f.get(mail, admin).body()).contains("\"configured\":false");
    assertThat(f.send("DELETE", mail, null, admin).statusCode()).isEqualTo(404);

    // a user's channels: a chat id and an address are checked, quiet hours parsed
    String ch = "/api/notifications/channels/";
    assertThat(
            f.send(
                    "PUT",
                    ch + "telegram",
                    "{\"address\":\"not a chat\",\"kinds\":[\"bot.error\"]}",
                    alice)
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> quiet =
        f.send(
            "PUT",
            ch + "email",
            "{\"address\":\"alice@example.com\",\"kinds\":[\"bot.error\"],"
                + "\"quietHours\":\"25:00-07:00 Mars/Olympus\"}",
            alice);
    assertThat(quiet.statusCode()).isEqualTo(400);
    assertThat(quiet.body()).contains("quietHours");
    HttpResponse<String> ok =
        f.send(
            "PUT",
            ch + "email",
            "{\"address\":\"alice@example.com\",\"kinds\":[\"bot.error\"],"
                + "\"quietHours\":\"22:00-07:00 Europe/Paris\"}",
            alice);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(ok.body())
        .contains("\"quietHours\":\"22:00-07:00 Europe/Paris\"", "\"disabled\":null");
    for (String secret : List.of(token, "smtp-pass-never-returned")) {
      assertThat(ServerFixture.SEEN.toString()).doesNotContain(secret);
      assertThat(ServerFixture.capturedStderr()).doesNotContain(secret);
    }
  }
}
