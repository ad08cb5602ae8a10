package dev.tradekit.notify;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.tradekit.api.runtime.Scheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Sends deliveries with the Telegram Bot API {@code sendMessage} in HTML mode (text escaped), to
 * the chat id in {@link Preference#address()}, within Telegram's limits.
 *
 * <pre>{@code
 * Channel telegram = TelegramChannel.builder().scheduler(scheduler).secrets(vault).build();
 * // Preference.of("alice", "telegram", "123456789")
 * }</pre>
 *
 * <p>Limits: at most one message per second per chat, 20 per minute per group (a chat id starting
 * with {@code -}) and 30 per second overall; a message over a limit is {@link
 * DeliveryResult.Throttled throttled} until it fits, without a request. A 429 blocks the chat for
 * its {@code retry_after}; a 403 (bot blocked, kicked) disables the channel for the user; other 4xx
 * and 5xx and I/O errors are retried with backoff. The message ends with the idempotency key
 * ({@code id ...}); {@code disable_notification} is set for silent deliveries.
 *
 * <p>The bot token is read from the {@link SecretSource} for each request and never appears in a
 * log, an error or {@code toString}.
 */
public final class TelegramChannel implements Channel {
  static final int MAX_TEXT = 4096;
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class);

  private final Scheduler scheduler;
  private final SecretSource secrets;
  private final String tokenName;
  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final Map<String, Long> lastSent = new HashMap<>();
  private final Map<String, Long> blockedUntil = new HashMap<>();
  private final Map<String, ArrayDeque<Long>> groupSends = new HashMap<>();
  private final ArrayDeque<Long> allSends = new ArrayDeque<>();
  private final long perChatMillis;
  private final int perGroupPerMinute;
  private final int perSecond;

  private TelegramChannel(Builder b) {
    this.scheduler = Objects.requireNonNull(b.scheduler);
    this.secrets = Objects.requireNonNull(b.secrets);
    this.tokenName = b.tokenName;
    this.baseUrl = b.baseUrl;
    this.http = b.http;
    this.perChatMillis = b.perChat.toMillis();
    this.perGroupPerMinute = b.perGroupPerMinute;
    this.perSecond = b.perSecond;
  }

  /** A builder; {@code scheduler} and {@code secrets} are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return "telegram";
  }

  @Override
  public synchronized DeliveryResult deliver(Delivery d) {
    String chat = d.address();
    long now = scheduler.currentTimeMillis();
    long wait = waitMillis(chat, now);
    if (wait > 0) {
      return DeliveryResult.throttled(Duration.ofMillis(wait), "telegram rate limit");
    }
    String body =
        Json.write(
            w -> {
              w.beginObject();
              w.name("chat_id").value(chat);
              w.name("text").value(text(d));
              w.name("parse_mode").value("HTML");
              w.name("disable_notification").value(d.silent());
              w.endObject();
            });
    String token = secrets.secret(tokenName);
    HttpUrl url =
        baseUrl.newBuilder().addPathSegment("bot" + token).addPathSegment("sendMessage").build();
    Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
    record(chat, now);
    try (Response response = http.newCall(request).execute()) {
      int code = response.code();
      if (code == 200) {
        return DeliveryResult.delivered();
      }
      String description = describe(response.body(), code).replace(token, "***");
      if (code == 429) {
        long retryAfter = retryAfterSeconds(description);
        blockedUntil.put(chat, now + retryAfter * 1000);
        return DeliveryResult.throttled(
            Duration.ofSeconds(retryAfter), "telegram 429, retry_after " + retryAfter);
      }
      if (code == 403) {
        return DeliveryResult.disable("telegram 403: " + descriptionText(description));
      }
      return DeliveryResult.retry("telegram " + code + ": " + descriptionText(description));
    } catch (IOException e) {
      return DeliveryResult.retry(
          "telegram I/O: " + e.getClass().getSimpleName() + redact(e.getMessage(), token));
    }
  }

  private static String redact(@Nullable String message, String token) {
    return message == null ? "" : " " + message.replace(token, "***");
  }

  /** The milliseconds until {@code chat} may get a message (0: now). */
  private long waitMillis(String chat, long now) {
    long wait = 0;
    Long blocked = blockedUntil.get(chat);
    if (blocked != null) {
      wait = Math.max(wait, blocked - now);
    }
    Long last = lastSent.get(chat);
    if (last != null) {
      wait = Math.max(wait, last + perChatMillis - now);
    }
    while (!allSends.isEmpty() && allSends.peekFirst() <= now - 1000) {
      allSends.pollFirst();
    }
    if (allSends.size() >= perSecond) {
      wait = Math.max(wait, allSends.peekFirst() + 1000 - now);
    }
    ArrayDeque<Long> group = groupSends.get(chat);
    if (group != null) {
      while (!group.isEmpty() && group.peekFirst() <= now - 60_000) {
        group.pollFirst();
      }
      if (group.size() >= perGroupPerMinute) {
        wait = Math.max(wait, group.peekFirst() + 60_000 - now);
      }
    }
    return wait;
  }

  private void record(String chat, long now) {
    lastSent.put(chat, now);
    allSends.addLast(now);
    if (chat.startsWith("-")) {
      groupSends.computeIfAbsent(chat, c -> new ArrayDeque<>()).addLast(now);
    }
  }

  static String text(Delivery d) {
    String html = Html.render(d, "\n");
    if (html.length() <= MAX_TEXT) {
      return html;
    }
    // too long: drop the details, keep the title, a cut text and the id
    String cut = d.first().text();
    cut = cut.substring(0, Math.min(cut.length(), 3000));
    return "<b>"
        + Html.escape(Html.title(d))
        + "</b>\n"
        + Html.escape(cut)
        + "…\n<i>id "
        + Html.escape(d.idempotencyKey())
        + "</i>";
  }

  private static String describe(@Nullable ResponseBody body, int code) throws IOException {
    return body == null ? "HTTP " + code : body.string();
  }

  private static long retryAfterSeconds(String json) {
    Map<?, ?> root = parse(json);
    Object params = root.get("parameters");
    if (params instanceof Map<?, ?> p && p.get("retry_after") instanceof Number n) {
      return Math.max(1, n.longValue());
    }
    return 1;
  }

  private static String descriptionText(String json) {
    Object d = parse(json).get("description");
    return d instanceof String s ? s : json.length() > 200 ? json.substring(0, 200) : json;
  }

  private static Map<?, ?> parse(String json) {
    try {
      return ANY.fromJson(json) instanceof Map<?, ?> m ? m : Map.of();
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  @Override
  public String toString() {
    return "TelegramChannel[" + baseUrl.host() + "]";
  }

  /** Builds a {@link TelegramChannel}. */
  public static final class Builder {
    private @Nullable Scheduler scheduler;
    private @Nullable SecretSource secrets;
    private String tokenName = "telegram.token";
    private HttpUrl baseUrl = HttpUrl.get("https://api.telegram.org/");
    private OkHttpClient http =
        new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
    private Duration perChat = Duration.ofSeconds(1);
    private int perGroupPerMinute = 20;
    private int perSecond = 30;

    private Builder() {}

    /** The clock for rate limits (required). */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Where the bot token comes from (required). */
    public Builder secrets(SecretSource secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    /** The bot token's secret name; default {@code telegram.token}. */
    public Builder tokenName(String name) {
      this.tokenName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The Bot API root; default {@code https://api.telegram.org/} (tests: a local server). */
    public Builder baseUrl(String url) {
      this.baseUrl = HttpUrl.get(Objects.requireNonNull(url, "url"));
      return this;
    }

    /** The HTTP client; default a new one with a 30 s call timeout. */
    public Builder httpClient(OkHttpClient client) {
      this.http = Objects.requireNonNull(client, "client");
      return this;
    }

    /** The least time between two messages to one chat; default 1 s. */
    public Builder perChatInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("perChatInterval must not be negative");
      }
      this.perChat = interval;
      return this;
    }

    /** The most messages per minute to one group; default 20. */
    public Builder perGroupPerMinute(int max) {
      if (max <= 0) {
        throw new IllegalArgumentException("perGroupPerMinute must be positive");
      }
      this.perGroupPerMinute = max;
      return this;
    }

    /** The most messages per second overall; default 30. */
    public Builder perSecond(int max) {
      if (max <= 0) {
        throw new IllegalArgumentException("perSecond must be positive");
      }
      this.perSecond = max;
      return this;
    }

    /**
     * The channel.
     *
     * @throws IllegalStateException if scheduler or secrets is missing
     */
    public TelegramChannel build() {
      if (scheduler == null || secrets == null) {
        throw new IllegalStateException("scheduler and secrets are required");
      }
      return new TelegramChannel(this);
    }
  }
}
