package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.notify.EmailChannel;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end under the control plane: a copier on FakeBinance copies a leader's fill to a funded
 * follower ("order filled") and to one with 1 USDT of margin, which the venue refuses ("copy
 * failed"). Per alice's preferences both reach Telegram (a local Bot API server that first answers
 * 429 with {@code retry_after}) and a signed webhook, and only the failed copy reaches email (a
 * real local SMTP server). Bob's chat answers 403: his Telegram channel is switched off and the API
 * says so.
 */
class NotificationsEndToEndIT extends ServerItSupport {
  private static final String TOKEN = "123456:AAE2eTestTokenOfTheOperatorBot01";
  private static final String HOOK_SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("end-to-end-webhook-secret-012345".getBytes());
  private static final String SMTP_PASSWORD = "smtp-password-never-shown";

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

  private @Nullable Exchange leader;
  private final MockWebServer telegram = new MockWebServer();
  private final MockWebServer hooks = new MockWebServer();
  private final List<String> aliceTexts = new CopyOnWriteArrayList<>();
  private final List<String> hookBodies = new CopyOnWriteArrayList<>();
  private final AtomicBoolean throttledOnce = new AtomicBoolean();
  private final AtomicLong throttledAtNanos = new AtomicLong();
  private final AtomicLong retriedAtNanos = new AtomicLong();

  NotificationsEndToEndIT() {
    closeLast.add(telegram::shutdown);
    closeLast.add(hooks::shutdown);
  }

  private void startReceivers() throws Exception {
    telegram.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String body = request.getBody().readUtf8();
            assertThat(request.getPath()).isEqualTo("/bot" + TOKEN + "/sendMessage");
            if (body.contains("\"chat_id\":\"2002\"")) {
              return new MockResponse()
                  .setResponseCode(403)
                  .setBody(
                      "{\"ok\":false,\"error_code\":403,"
                          + "\"description\":\"Forbidden: bot was blocked by the user\"}");
            }
            if (throttledOnce.compareAndSet(false, true)) {
              throttledAtNanos.set(System.nanoTime());
              return new MockResponse()
                  .setResponseCode(429)
                  .setBody(
                      "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests:"
                          + " retry after 1\",\"parameters\":{\"retry_after\":1}}");
            }
            retriedAtNanos.compareAndSet(0, System.nanoTime());
            aliceTexts.add(body);
            return new MockResponse().setBody("{\"ok\":true,\"result\":{\"message_id\":7}}");
          }
        });
    telegram.start();
    hooks.setDispatcher(
        SignedWebhooks.receiver(HOOK_SECRET, hookBodies, new CopyOnWriteArrayList<>()));
    hooks.start();
  }

  private static String channel(String address, String kinds, @Nullable String secret) {
    return "{\"address\":\""
        + address
        + "\",\"kinds\":["
        + kinds
        + "]"
        + (secret == null ? "" : ",\"secret\":\"" + secret + "\"")
        + "}";
  }

  @Test
  void copiedAndFailedCopiesReachTelegramEmailAndWebhookPerPreferences() throws Exception {
    startReceivers();
    SMTP.setUser("alerts", SMTP_PASSWORD);
    VenueFixture v = new VenueFixture(Map.of("poor", "1"), "leader", "half", "poor");
    venue = v;
    leader = account("leader");
    ServerFixture f =
        serve(
            v.plane(dir, ServerFixture.key(7))
                .telegramBot(TOKEN)
                .telegramApi(telegram.url("/").toString())
                .smtp(
                    "127.0.0.1",
                    SMTP.getSmtp().getPort(),
                    EmailChannel.Security.NONE,
                    "alerts@tradekit.test",
                    "alerts",
                    SMTP_PASSWORD)
                .notifyRetryDelay(Duration.ofMillis(200)));
    String admin = f.setupAdmin();
    String alice = f.user(admin, "alice", "trader");
    String bob = f.user(admin, "bob", "trader");

    HttpResponse<String> settings = f.get("/api/admin/notifications/email", admin);
    assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
    assertThat(settings.body())
        .contains("\"hasPassword\":true", "\"host\":\"127.0.0.1\"")
        .doesNotContain(SMTP_PASSWORD);
    assertThat(f.get("/api/admin/notifications/telegram", admin).body())
        .contains("\"hasToken\":true")
        .doesNotContain(TOKEN);
    assertThat(f.get("/api/admin/notifications/telegram", alice).statusCode()).isEqualTo(403);

    String both = "\"bot.order.filled\",\"copier.copy.failed\"";
    for (Map.Entry<String, String> e :
        Map.of(
                "telegram", channel("1001", both, null),
                "email", channel("alice@example.com", "\"copier.copy.failed\"", null),
                "webhook", channel(hooks.url("/tradekit").toString(), both, HOOK_SECRET))
            .entrySet()) {
      HttpResponse<String> put =
          f.send("PUT", "/api/notifications/channels/" + e.getKey(), e.getValue(), alice);
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }
    HttpResponse<String> bobs =
        f.send(
            "PUT",
            "/api/notifications/channels/telegram",
            channel("2002", "\"bot.created\"", null),
            bob);
    assertThat(bobs.statusCode()).as(bobs.body()).isEqualTo(200);

    String lead = f.key(alice, "leader", VenueFixture.secret("leader"));
    String half = f.key(alice, "half", VenueFixture.secret("half"));
    String poor = f.key(alice, "poor", VenueFixture.secret("poor"));
    String bot =
        f.create(
            ServerFixture.copierBot(
                lead, half, ServerFixture.RATIO_HALF, poor, "{\"mode\":\"ratio\",\"ratio\":\"1\"}"),
            alice);
    assertThat(f.post("/api/bots/" + bot + "/start", "", alice).statusCode()).isEqualTo(200);

    java.util.Objects.requireNonNull(leader)
        .trading()
        .place(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.010")))
        .get(30, TimeUnit.SECONDS);

    VenueFixture.await(
        () ->
            String.join("\n", aliceTexts).contains("Copy failed")
                && String.join("\n", aliceTexts).contains("Order filled"),
        "Telegram got the filled and the failed copy");
    VenueFixture.await(() -> hookBodies.size() >= 2, "two signed webhooks");
    VenueFixture.await(() -> SMTP.getReceivedMessages().length >= 1, "one email");

    // 429 honoured: the retry came no sooner than retry_after (1 s) after the refusal
    long waitedMillis =
        TimeUnit.NANOSECONDS.toMillis(retriedAtNanos.get() - throttledAtNanos.get());
    System.out.println("telegram 429 retry_after 1 s: retried after " + waitedMillis + " ms");
    assertThat(waitedMillis).isGreaterThanOrEqualTo(900);
    assertThat(String.join("\n", aliceTexts)).contains("\"chat_id\":\"1001\"");
    assertThat(String.join("\n", hookBodies))
        .contains("\"type\":\"bot.order.filled\"", "\"type\":\"copier.copy.failed\"")
        .contains(bot);
    assertThat(hookBodies + "\n" + aliceTexts)
        .as("bot.started is not a kind alice chose")
        .doesNotContain("Bot started", "\"type\":\"bot.started\"");
    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getSubject()).isEqualTo("[Tradekit] Copy failed");
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
    assertThat(mails[0].getHeader("X-Tradekit-Event-Id")[0]).startsWith("tk-");

    // bob's chat refuses the bot (403): his Telegram channel is switched off, and he sees why
    String bobKey = f.key(bob, "half", VenueFixture.secret("half"));
    HttpResponse<String> bobBot =
        f.post(
            "/api/bots",
            "{\"name\":\"mm\",\"kind\":\"market-maker\",\"provider\":\"binance-usdm\",\"keyId\":\""
                + bobKey
                + "\",\"config\":{\"symbol\":\"BTCUSDT\",\"strategy\":\"fixed-spread\","
                + "\"parameters\":{\"spreadBps\":10,\"quantity\":\"0.002\"}}}",
            bob);
    assertThat(bobBot.statusCode()).as(bobBot.body()).isEqualTo(201);
    VenueFixture.await(
        () -> f.get("/api/notifications/channels", bob).body().contains("blocked by the user"),
        "bob's channel shows why it was switched off");
    assertThat(f.get("/api/notifications/channels", bob).body())
        .contains("\"disabled\":\"telegram 403: Forbidden: bot was blocked by the user\"");
    // the channel is switched off as the refusal arrives; the dead letter is written after it
    VenueFixture.await(
        () -> f.get("/api/notifications/dead-letters", bob).body().contains("telegram 403"),
        "bob's refused message is a dead letter");
    HttpResponse<String> again =
        f.send(
            "PUT",
            "/api/notifications/channels/telegram",
            channel("2002", "\"bot.created\"", null),
            bob);
    assertThat(again.body()).contains("\"disabled\":null");

    for (String secret : List.of(TOKEN, SMTP_PASSWORD, HOOK_SECRET)) {
      assertThat(ServerFixture.SEEN.toString()).doesNotContain(secret);
      assertThat(ServerFixture.capturedStderr()).doesNotContain(secret);
    }
  }
}
