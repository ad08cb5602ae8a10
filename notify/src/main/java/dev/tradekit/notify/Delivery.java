package dev.tradekit.notify;

import java.util.List;
import java.util.Objects;

/**
 * One message for a {@link Channel}: one event, or several coalesced ones of the same user, bot and
 * kind, with the address, the silent flag and the idempotency key to carry.
 *
 * <pre>{@code
 * String line = delivery.count() == 1 ? delivery.first().text()
 *     : delivery.count() + " x " + delivery.first().kind().title();
 * }</pre>
 *
 * @param idempotencyKey the first event's id when there is one event, else {@code <first id>+<count
 *     - 1>}; a retry of the same rows carries the same key
 * @param userId the user
 * @param channel the channel id
 * @param address where to send (chat id, email address, URL)
 * @param events the events, oldest first, all of one kind and bot (at least one)
 * @param silent send without sound/push
 */
public record Delivery(
    String idempotencyKey,
    String userId,
    String channel,
    String address,
    List<NotifyEvent> events,
    boolean silent) {

  /** Validates and copies {@code events}. */
  public Delivery {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(address, "address");
    events = List.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a delivery has at least one event");
    }
  }

  /** The oldest event. */
  public NotifyEvent first() {
    return events.get(0);
  }

  /** The number of events. */
  public int count() {
    return events.size();
  }

  /** The ids of every event, for receivers that deduplicate by event. */
  public List<String> eventIds() {
    return events.stream().map(NotifyEvent::id).toList();
  }

  /** A plain-text rendering: the text (or a count and kind), bot and details. */
  public String plainText() {
    StringBuilder sb = new StringBuilder();
    NotifyEvent e = first();
    if (count() == 1) {
      sb.append(e.text());
    } else {
      sb.append(count()).append(" x ").append(e.kind().title()).append(" (latest: ");
      sb.append(events.get(count() - 1).text()).append(')');
    }
    if (e.botId() != null) {
      sb.append("\nbot: ").append(e.botId());
    }
    if (count() == 1) {
      e.fields().forEach((k, v) -> sb.append('\n').append(k).append(": ").append(v));
    }
    sb.append("\nseverity: ").append(e.severity()).append("\nid: ").append(idempotencyKey);
    return sb.toString();
  }
}
