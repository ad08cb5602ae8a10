package dev.tradekit.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened, for one user: its kind, severity, bot, a short text and key/value
 * details, under a stable id that is the idempotency key every channel carries.
 *
 * <pre>{@code
 * NotifyEvent filled = NotifyEvent.builder(EventKind.ORDER_FILLED, "alice")
 *     .id("fill-BTCUSDT-42").bot("grid-1").text("Bought 0.010 BTCUSDT at 65000.10")
 *     .field("symbol", "BTCUSDT").occurredAt(scheduler.now()).build();
 * }</pre>
 *
 * @param id stable and unique; the same event enqueued twice is stored once
 * @param kind what happened
 * @param severity how much it matters
 * @param userId the user it is for
 * @param botId the bot it concerns, or null for user-level events
 * @param text a one-line human description (plain text; channels escape it)
 * @param fields details in insertion order (plain strings, e.g. exact decimal prices)
 * @param occurredAt when it happened
 */
public record NotifyEvent(
    String id,
    EventKind kind,
    Severity severity,
    String userId,
    @Nullable String botId,
    String text,
    Map<String, String> fields,
    Instant occurredAt) {

  /** Validates and copies {@code fields}. */
  public NotifyEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (id.isBlank() || id.length() > 200) {
      throw new IllegalArgumentException("id must be 1..200 characters");
    }
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A builder for an event of {@code kind} for {@code userId}. */
  public static Builder builder(EventKind kind, String userId) {
    return new Builder(kind, userId);
  }

  /** Builds a {@link NotifyEvent}; every setter documents its default. */
  public static final class Builder {
    private final EventKind kind;
    private final String userId;
    private @Nullable String id;
    private @Nullable Severity severity;
    private @Nullable String botId;
    private @Nullable String text;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private @Nullable Instant occurredAt;

    private Builder(EventKind kind, String userId) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.userId = Objects.requireNonNull(userId, "userId");
    }

    /** The stable id; default a random UUID (pass a deterministic one to dedupe re-emits). */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Default per kind: ERROR for errors and failed copies, WARNING for rejections, pauses and open
     * circuits, INFO otherwise.
     */
    public Builder severity(Severity severity) {
      this.severity = Objects.requireNonNull(severity, "severity");
      return this;
    }

    /** The bot; default none. */
    public Builder bot(String botId) {
      this.botId = Objects.requireNonNull(botId, "botId");
      return this;
    }

    /** The one-line description; default the kind's title. */
    public Builder text(String text) {
      this.text = Objects.requireNonNull(text, "text");
      return this;
    }

    /** Adds a detail; default no details. */
    public Builder field(String key, String value) {
      fields.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** When it happened; required (take it from the engine's scheduler, never the wall clock). */
    public Builder occurredAt(Instant occurredAt) {
      this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
      return this;
    }

    /**
     * The event.
     *
     * @throws IllegalStateException if {@link #occurredAt} was not set
     */
    public NotifyEvent build() {
      if (occurredAt == null) {
        throw new IllegalStateException("occurredAt is required");
      }
      return new NotifyEvent(
          id != null ? id : UUID.randomUUID().toString(),
          kind,
          severity != null ? severity : NotifyEvents.defaultSeverity(kind),
          userId,
          botId,
          text != null ? text : kind.title(),
          fields,
          occurredAt);
    }
  }
}
