package dev.tradekit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.runtime.VirtualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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

class WebhookChannelIT {
  private static final String SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  private final VirtualScheduler clock =
      new VirtualScheduler(Instant.parse("2026-01-05T12:00:00Z").toEpochMilli());
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final MockWebServer receiver = new MockWebServer();
  private final WebhookVerifier verifier =
      new WebhookVerifier(SECRET, Duration.ofMinutes(5), clock::currentTimeMillis);

  @BeforeEach
  void start() throws IOException {
    receiver.start();
  }

  @AfterEach
  void stop() throws IOException {
    receiver.shutdown();
  }

  private Notifier notifier() {
    return Notifier.builder()
        .scheduler(clock)
        .outbox(outbox)
        .preferences(
            PreferenceStore.of(
                List.of(
                    Preference.of("alice", "webhook", receiver.url("/hooks/tradekit").toString()))))
        .channel(
            WebhookChannel.builder()
                .scheduler(clock)
                .secrets(SecretSource.of(Map.of("webhook.alice", SECRET)))
                .build())
        .coalesceWindow(Duration.ZERO)
        .build();
  }

  private NotifyEvent filled(String id) {
    return NotifyEvent.builder(EventKind.ORDER_FILLED, "alice")
        .id(id)
        .bot("grid-1")
        .field("price", "65000.10")
        .occurredAt(clock.now())
        .build();
  }

  private RecordedRequest take() throws InterruptedException {
    return Objects.requireNonNull(receiver.takeRequest(30, TimeUnit.SECONDS), "no request");
  }

  @Test
  void postsASignedJsonBodyThatTheVerifierAccepts() throws Exception {
    receiver.enqueue(new MockResponse().setResponseCode(204));
    Notifier n = notifier();
    n.enqueue(filled("fill-1"));
    n.deliverDue();

    RecordedRequest r = take();
    byte[] body = r.getBody().readByteArray();
    assertThat(r.getHeader("webhook-id")).isEqualTo("fill-1");
    assertThat(r.getHeader("webhook-timestamp"))
        .isEqualTo(Long.toString(clock.currentTimeMillis() / 1000));
    assertThat(r.getHeader("content-type")).startsWith("application/json");
    verifier.verify(
        r.getHeader("webhook-id"),
        r.getHeader("webhook-timestamp"),
        r.getHeader("webhook-signature"),
        body);
    String json = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(json)
        .startsWith(
            "{\"type\":\"bot.order.filled\",\"timestamp\":\"2026-01-05T12:00:00Z\",\"count\":1")
        .contains("\"id\":\"fill-1\"", "\"bot\":\"grid-1\"", "\"price\":\"65000.10\"");
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void aTamperedBodyOrAnOldTimestampFailsVerification() throws Exception {
    receiver.enqueue(new MockResponse());
    Notifier n = notifier();
    n.enqueue(filled("fill-1"));
    n.deliverDue();
    RecordedRequest r = take();
    byte[] body = r.getBody().readByteArray();
    String id = r.getHeader("webhook-id");
    String ts = r.getHeader("webhook-timestamp");
    String sig = r.getHeader("webhook-signature");

    byte[] tampered =
        new String(body, java.nio.charset.StandardCharsets.UTF_8)
            .replace("65000.10", "1.00")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(verifier.isValid(id, ts, sig, body)).isTrue();
    assertThat(verifier.isValid(id, ts, sig, tampered)).isFalse();
    clock.advanceBy(Duration.ofMinutes(6)); // the receiver checks it too late: replay window over
    assertThat(verifier.isValid(id, ts, sig, body)).isFalse();
  }

  @Test
  void retriesA500AndDisablesOn410() throws Exception {
    receiver.enqueue(new MockResponse().setResponseCode(500));
    receiver.enqueue(new MockResponse().setResponseCode(410));
    Notifier n = notifier();
    n.enqueue(filled("fill-1"));
    n.deliverDue();
    assertThat(outbox.all().get(0).lastError()).startsWith("webhook HTTP 500");
    assertThat(outbox.all().get(0).attempts()).isEqualTo(1);
    clock.advanceBy(Duration.ofMinutes(1));
    n.deliverDue();
    assertThat(take().getHeader("webhook-id")).isEqualTo("fill-1");
    assertThat(take().getHeader("webhook-id")).isEqualTo("fill-1"); // same key on the retry
    assertThat(n.disabledChannels())
        .singleElement()
        .extracting(Outbox.DisabledChannel::channel)
        .isEqualTo("webhook");
  }

  @Test
  void a429WaitsItsRetryAfter() throws Exception {
    receiver.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "12"));
    Notifier n = notifier();
    n.enqueue(filled("fill-1"));
    n.deliverDue();
    Outbox.Row row = outbox.all().get(0);
    assertThat(row.attempts()).isZero();
    assertThat(row.nextAttemptAtMillis() - clock.currentTimeMillis()).isEqualTo(12_000);
  }
}
