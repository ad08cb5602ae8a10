package dev.tradekit.notify;

import dev.tradekit.api.runtime.Scheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * POSTs deliveries as JSON to the URL in {@link Preference#address()}, signed per Standard
 * Webhooks: headers {@code webhook-id} (the idempotency key), {@code webhook-timestamp} (unix
 * seconds) and {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}).
 * Receivers check them with {@link WebhookVerifier}.
 *
 * <pre>{@code
 * Channel hooks = WebhookChannel.builder().scheduler(scheduler).secrets(vault).build();
 * // body: {"type":"bot.order.filled","timestamp":"...","count":1,"data":{"events":[{"id":...}]}}
 * }</pre>
 *
 * <p>2xx is delivered; 410 Gone disables the channel for the user; 429 waits its {@code
 * Retry-After} (default 30 s); anything else (3xx included: redirects are not followed) and I/O
 * errors are retried with backoff. The signing secret of a user is read from the {@link
 * SecretSource} under {@code webhook.<userId>} by default.
 */
public final class WebhookChannel implements Channel {
  private static final MediaType JSON = MediaType.get("application/json");

  private final Scheduler scheduler;
  private final SecretSource secrets;
  private final Function<String, String> secretName;
  private final OkHttpClient http;

  private WebhookChannel(Builder b) {
    this.scheduler = Objects.requireNonNull(b.scheduler);
    this.secrets = Objects.requireNonNull(b.secrets);
    this.secretName = b.secretName;
    this.http = b.http;
  }

  /** A builder; {@code scheduler} and {@code secrets} are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return "webhook";
  }

  @Override
  public DeliveryResult deliver(Delivery d) {
    HttpUrl url = HttpUrl.parse(d.address());
    if (url == null) {
      return DeliveryResult.retry("not an http(s) URL");
    }
    long now = scheduler.currentTimeMillis();
    byte[] body = body(d, now).getBytes(StandardCharsets.UTF_8);
    long ts = now / 1000;
    String signature =
        WebhookSigning.sign(
            WebhookSigning.key(secrets.secret(secretName.apply(d.userId()))),
            d.idempotencyKey(),
            ts,
            body);
    Request request =
        new Request.Builder()
            .url(url)
            .header("webhook-id", d.idempotencyKey())
            .header("webhook-timestamp", Long.toString(ts))
            .header("webhook-signature", signature)
            .post(RequestBody.create(body, JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      int code = response.code();
      if (code >= 200 && code < 300) {
        return DeliveryResult.delivered();
      }
      if (code == 410) {
        return DeliveryResult.disable("webhook 410 Gone from " + url.host());
      }
      if (code == 429) {
        return DeliveryResult.throttled(retryAfter(response.header("Retry-After")), "webhook 429");
      }
      return DeliveryResult.retry("webhook HTTP " + code + " from " + url.host());
    } catch (IOException e) {
      return DeliveryResult.retry(
          "webhook I/O: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  static String body(Delivery d, long nowMillis) {
    return Json.write(
        w -> {
          w.beginObject();
          w.name("type").value(d.first().kind().wireName());
          w.name("timestamp").value(java.time.Instant.ofEpochMilli(nowMillis).toString());
          w.name("count").value(d.count());
          w.name("data").beginObject();
          w.name("events").beginArray();
          for (NotifyEvent e : d.events()) {
            Json.event(w, e);
          }
          w.endArray();
          w.endObject();
          w.endObject();
        });
  }

  private static Duration retryAfter(@Nullable String header) {
    if (header != null) {
      try {
        return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
      } catch (NumberFormatException e) {
        // an HTTP date: fall back to the default
      }
    }
    return Duration.ofSeconds(30);
  }

  @Override
  public String toString() {
    return "WebhookChannel";
  }

  /** Builds a {@link WebhookChannel}. */
  public static final class Builder {
    private @Nullable Scheduler scheduler;
    private @Nullable SecretSource secrets;
    private Function<String, String> secretName = user -> "webhook." + user;
    private OkHttpClient http =
        new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(30))
            .followRedirects(false)
            .followSslRedirects(false)
            .build();

    private Builder() {}

    /** The clock for {@code webhook-timestamp} (required). */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Where the {@code whsec_} signing secrets come from (required). */
    public Builder secrets(SecretSource secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    /** The secret name of a user id; default {@code "webhook." + userId}. */
    public Builder secretName(Function<String, String> nameOfUser) {
      this.secretName = Objects.requireNonNull(nameOfUser, "nameOfUser");
      return this;
    }

    /**
     * The HTTP client; default a new one with a 30 s call timeout that follows no redirects (pass
     * one that also follows none).
     */
    public Builder httpClient(OkHttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The channel.
     *
     * @throws IllegalStateException if scheduler or secrets is missing
     */
    public WebhookChannel build() {
      if (scheduler == null || secrets == null) {
        throw new IllegalStateException("scheduler and secrets are required");
      }
      return new WebhookChannel(this);
    }
  }
}
