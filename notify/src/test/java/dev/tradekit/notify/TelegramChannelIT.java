package dev.tradekit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import dev.tradekit.api.runtime.VirtualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramChannelIT {
  private static final String TOKEN = "123456:SECRET-bot-token";
  private static final String OK = "{\"ok\":true,\"result\":{\"message_id\":1}}";

  private final VirtualScheduler clock =
      new VirtualScheduler(Instant.parse("2026-01-05T12:00:00Z").toEpochMilli());
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private MockWebServer server = new MockWebServer();

  @BeforeEach
  void startServer() throws IOException {
    server.start();
  }

  @AfterEach
  void stopServer() throws IOException {
    server.shutdown();
  }

  private Notifier notifier(String chat, Duration coalesce) {
    TelegramChannel telegram =
        TelegramChannel.builder()
            .scheduler(clock)
            .secrets(SecretSource.of(Map.of("telegram.token", TOKEN)))
            .baseUrl(server.url("/").toString())
            .build();
    return Notifier.builder()
        .scheduler(clock)
        .outbox(outbox)
        .preferences(PreferenceStore.of(List.of(Preference.of("alice", "telegram", chat))))
        .channel(telegram)
        .coalesceWindow(coalesce)
        .build();
  }

  private NotifyEvent event(EventKind kind, String id, String bot) {
    return NotifyEvent.builder(kind, "alice")
        .id(id)
        .bot(bot)
        .text("filled <1> & done")
        .occurredAt(clock.now())
        .build();
  }

  private RecordedRequest take() throws InterruptedException {
    return Objects.requireNonNull(server.takeRequest(30, TimeUnit.SECONDS), "no request");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(RecordedRequest r) throws IOException {
    return (Map<String, Object>)
        Objects.requireNonNull(
            new Moshi.Builder().build().adapter(Object.class).fromJson(r.getBody().readUtf8()));
  }

  @Test
  void sendsEscapedHtmlToTheRightChatWithTheEventId() throws Exception {
    server.enqueue(new MockResponse().setBody(OK));
    Notifier n = notifier("987654321", Duration.ZERO);
    n.enqueue(event(EventKind.ORDER_FILLED, "fill-1", "grid-1"));
    n.deliverDue();

    RecordedRequest r = take();
    assertThat(r.getPath()).isEqualTo("/bot" + TOKEN + "/sendMessage");
    Map<String, Object> body = json(r);
    assertThat(body)
        .containsEntry("chat_id", "987654321")
        .containsEntry("parse_mode", "HTML")
        .containsEntry("disable_notification", false);
    assertThat((String) body.get("text"))
        .isEqualTo(
            "<b>Order filled</b>\nfilled &lt;1&gt; &amp; done\nbot: <code>grid-1</code>\n"
                + "<i>INFO · id fill-1</i>");
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void honoursRetryAfterOn429() throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(429)
            .setBody(
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry"
                    + " after 3\",\"parameters\":{\"retry_after\":3}}"));
    server.enqueue(new MockResponse().setBody(OK));
    Notifier n = notifier("42", Duration.ZERO);
    n.enqueue(event(EventKind.ORDER_FILLED, "fill-1", "grid-1"));
    long first = clock.currentTimeMillis();
    n.deliverDue();
    take();
    // another event for the same chat must wait too, without a request
    n.enqueue(event(EventKind.BOT_STOPPED, "stop-1", "grid-1"));
    clock.advanceBy(Duration.ofMillis(2_999));
    n.deliverDue();
    assertThat(server.getRequestCount()).isEqualTo(1);

    clock.advanceBy(Duration.ofMillis(1));
    n.deliverDue();
    take();
    long second = clock.currentTimeMillis();
    assertThat(second - first).isEqualTo(3_000);
    assertThat(outbox.all()).filteredOn(r -> r.state() == Outbox.State.DELIVERED).hasSize(1);
    assertThat(outbox.all())
        .filteredOn(r -> r.state() == Outbox.State.PENDING)
        .singleElement()
        .satisfies(r -> assertThat(r.event().id()).isEqualTo("stop-1"));
    // one message per second per chat: the second waits another second
    clock.advanceBy(Duration.ofSeconds(1));
    server.enqueue(new MockResponse().setBody(OK));
    n.deliverDue();
    assertThat(take().getPath()).endsWith("/sendMessage");
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void a403DisablesTheChannelForTheUser() throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(403)
            .setBody(
                "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked"
                    + " by the user\"}"));
    Notifier n = notifier("42", Duration.ZERO);
    n.enqueue(event(EventKind.ORDER_FILLED, "fill-1", "grid-1"));
    n.deliverDue();
    n.enqueue(event(EventKind.BOT_STOPPED, "stop-1", "grid-1"));
    clock.advanceBy(Duration.ofSeconds(5));
    n.deliverDue();

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(n.disabledChannels())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.channel()).isEqualTo("telegram");
              assertThat(d.reason())
                  .isEqualTo("telegram 403: Forbidden: bot was blocked by the user");
            });
    assertThat(n.deadLetters(10)).hasSize(2);
  }

  @Test
  void aBurstOfFillsBecomesOneMessage() throws Exception {
    server.enqueue(new MockResponse().setBody(OK));
    Notifier n = notifier("42", Duration.ofSeconds(1));
    for (int i = 0; i < 100; i++) {
      n.enqueue(event(EventKind.ORDER_FILLED, "fill-" + i, "grid-1"));
      clock.advanceBy(Duration.ofMillis(5));
    }
    clock.advanceBy(Duration.ofSeconds(1));
    n.deliverDue();

    assertThat(server.getRequestCount()).isEqualTo(1);
    String text = (String) json(take()).get("text");
    assertThat(text).startsWith("<b>100 x Order filled</b>").contains("id fill-0+99");
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void sendsAtMostTwentyMessagesAMinuteToAGroup() {
    for (int i = 0; i < 21; i++) {
      server.enqueue(new MockResponse().setBody(OK));
    }
    Notifier n = notifier("-100200300", Duration.ZERO);
    long start = clock.currentTimeMillis();
    for (int i = 0; i < 21; i++) {
      n.enqueue(event(EventKind.BOT_ERROR, "err-" + i, "bot-" + i)); // 21 different bots
    }
    while (clock.currentTimeMillis() - start < 59_000) {
      n.deliverDue();
      clock.advanceBy(Duration.ofMillis(500));
    }
    assertThat(server.getRequestCount()).isEqualTo(20);
    clock.advanceTo(start + 60_000);
    n.deliverDue();
    assertThat(server.getRequestCount()).isEqualTo(21);
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void theTokenNeverReachesAnErrorOrToString() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(500).setBody("oops " + TOKEN));
    Notifier n = notifier("42", Duration.ZERO);
    n.enqueue(event(EventKind.ORDER_FILLED, "fill-1", "grid-1"));
    n.deliverDue();
    assertThat(outbox.all().get(0).lastError()).isEqualTo("telegram 500: oops ***");
    server.shutdown(); // now the connection is refused
    clock.advanceBy(Duration.ofHours(1));
    n.deliverDue();

    List<String> errors = outbox.all().stream().map(r -> String.valueOf(r.lastError())).toList();
    assertThat(errors).singleElement().asString().startsWith("telegram I/O");
    assertThat(String.join("\n", errors)).doesNotContain("SECRET-bot-token");
    assertThat(n.toString()).doesNotContain("SECRET");
    server = new MockWebServer();
    server.start();
  }
}
