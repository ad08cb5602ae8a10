package dev.tradekit.samples.examples;

import com.sun.net.httpserver.HttpServer;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.notify.Channel;
import dev.tradekit.notify.Delivery;
import dev.tradekit.notify.DeliveryResult;
import dev.tradekit.notify.EventKind;
import dev.tradekit.notify.JdbcOutbox;
import dev.tradekit.notify.Notifier;
import dev.tradekit.notify.NotifyEvent;
import dev.tradekit.notify.Preference;
import dev.tradekit.notify.PreferenceStore;
import dev.tradekit.notify.SecretSource;
import dev.tradekit.notify.WebhookChannel;
import dev.tradekit.notify.WebhookVerifier;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteDataSource;

/**
 * Notifications without a server: a burst of fills goes through a SQLite outbox to a signed webhook
 * (received and verified on loopback) and to a custom Slack-like channel (an incoming-webhook URL
 * that takes {@code {"text": ...}}, here a loopback receiver), coalesced into one message each.
 *
 * <pre>{@code
 * NotificationsExample.main(new String[0]);
 * }</pre>
 */
public final class NotificationsExample {
  private NotificationsExample() {}

  public static void main(String[] args) throws Exception {
    String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    CountDownLatch received = new CountDownLatch(1);
    WebhookVerifier verifier =
        new WebhookVerifier(secret, Duration.ofMinutes(5), System::currentTimeMillis);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          var h = exchange.getRequestHeaders();
          boolean ok =
              verifier.isValid(
                  h.getFirst("webhook-id"),
                  h.getFirst("webhook-timestamp"),
                  h.getFirst("webhook-signature"),
                  body);
          System.out.println("webhook " + (ok ? "verified" : "REJECTED") + ": " + new String(body));
          exchange.sendResponseHeaders(ok ? 204 : 401, -1);
          exchange.close();
          received.countDown();
        });
    receiver.createContext(
        "/slack",
        exchange -> {
          System.out.println("slack: " + new String(exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
    String url = base + "/hook";

    // a custom channel in a few lines: a Slack-style incoming webhook (the address is its URL)
    HttpClient http = HttpClient.newHttpClient();
    Channel slack =
        new Channel() {
          @Override
          public String id() {
            return "slack";
          }

          @Override
          public DeliveryResult deliver(Delivery d) {
            String text = d.plainText().replace("\\", "\\\\").replace("\"", "\\\"");
            String json = "{\"text\":\"" + text.replace("\n", "\\n") + "\"}";
            try {
              int status =
                  http.send(
                          HttpRequest.newBuilder(URI.create(d.address()))
                              .header("Content-Type", "application/json")
                              .header("Idempotency-Key", d.idempotencyKey())
                              .POST(HttpRequest.BodyPublishers.ofString(json))
                              .build(),
                          HttpResponse.BodyHandlers.discarding())
                      .statusCode();
              return status / 100 == 2
                  ? DeliveryResult.delivered()
                  : DeliveryResult.retry("slack answered " + status);
            } catch (IOException e) {
              return DeliveryResult.retry("slack: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return DeliveryResult.retry("interrupted");
            }
          }
        };

    Path db = Files.createTempFile("tradekit-notify", ".db");
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + db);
    LiveScheduler scheduler = LiveScheduler.create("notify-example");
    try (Notifier notifier =
        Notifier.builder()
            .scheduler(scheduler)
            .outbox(JdbcOutbox.create(ds))
            .preferences(
                PreferenceStore.of(
                    List.of(
                        Preference.of("alice", "webhook", url),
                        Preference.of("alice", "slack", base + "/slack"))))
            .channel(
                WebhookChannel.builder()
                    .scheduler(scheduler)
                    .secrets(SecretSource.of(Map.of("webhook.alice", secret)))
                    .build())
            .channel(slack)
            .build()) {
      notifier.start();
      for (int i = 0; i < 25; i++) {
        notifier.enqueue(
            NotifyEvent.builder(EventKind.ORDER_FILLED, "alice")
                .id("fill-" + i)
                .bot("grid-1")
                .text("Bought 0.001 BTCUSDT")
                .occurredAt(scheduler.now())
                .build());
      }
      if (!received.await(30, TimeUnit.SECONDS)) {
        System.out.println("no webhook within 30 s");
      }
    } finally {
      scheduler.close();
      receiver.stop(0);
      Files.deleteIfExists(db);
    }
  }
}
