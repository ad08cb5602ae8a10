package dev.tradekit.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The durable queue between "an event happened" and "a channel accepted it": one row per event,
 * channel and address, kept until delivered, retried with backoff, dead-lettered after the last
 * attempt, and the per-user disabled channels. {@link JdbcOutbox} stores it in SQL.
 *
 * <pre>{@code
 * Outbox outbox = JdbcOutbox.create(dataSource);   // migrates its tables
 * List<Outbox.Row> dead = outbox.deadLetters(50);  // for the dashboard
 * outbox.retryDeadLetter(dead.get(0).deliveryId(), scheduler.currentTimeMillis());
 * }</pre>
 *
 * <p>Threading: implementations are thread-safe; the producer and the delivery worker may be
 * different threads or processes.
 */
public interface Outbox {

  /** Row states. */
  enum State {
    PENDING,
    DELIVERED,
    DEAD
  }

  /**
   * One event to deliver on one channel to one address.
   *
   * @param deliveryId {@code eventId|channel|address}, unique
   * @param channel the channel id
   * @param address the address on that channel
   * @param event the event (carries the user)
   * @param state where it is
   * @param attempts failed attempts so far (throttling does not count)
   * @param nextAttemptAtMillis when it is due
   * @param lastError the last failure, or null
   */
  record Row(
      String deliveryId,
      String channel,
      String address,
      NotifyEvent event,
      State state,
      int attempts,
      long nextAttemptAtMillis,
      @Nullable String lastError) {

    /** Validates. */
    public Row {
      Objects.requireNonNull(deliveryId, "deliveryId");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(state, "state");
    }

    /** A new pending row due at {@code dueAtMillis}. */
    public static Row pending(String channel, String address, NotifyEvent event, long dueAtMillis) {
      return new Row(
          event.id() + "|" + channel + "|" + address,
          channel,
          address,
          event,
          State.PENDING,
          0,
          dueAtMillis,
          null);
    }
  }

  /**
   * A user's channel switched off after a permanent refusal (Telegram 403, webhook 410).
   *
   * @param userId the user
   * @param channel the channel id
   * @param reason the receiver's answer
   * @param since when
   */
  record DisabledChannel(String userId, String channel, String reason, Instant since) {}

  /** Adds rows in the outbox's own transaction; a row whose id exists is ignored. */
  void add(List<Row> rows);

  /** Up to {@code limit} pending rows due at {@code nowMillis}, oldest due first. */
  List<Row> due(long nowMillis, int limit);

  /** Marks rows delivered. */
  void markDelivered(Collection<String> deliveryIds, long nowMillis);

  /**
   * Makes rows due again at {@code nextAttemptAtMillis}, adding {@code addAttempts} to their
   * attempt count and recording {@code error}.
   */
  void reschedule(
      Collection<String> deliveryIds, long nextAttemptAtMillis, int addAttempts, String error);

  /** Moves rows to the dead letters with {@code error}. */
  void markDead(Collection<String> deliveryIds, String error, long nowMillis);

  /** Up to {@code limit} dead letters, newest first. */
  List<Row> deadLetters(int limit);

  /**
   * Puts a dead letter back in the queue, due at {@code nowMillis} with zero attempts.
   *
   * @return false if there is no dead letter with that id
   */
  boolean retryDeadLetter(String deliveryId, long nowMillis);

  /** The number of pending rows. */
  int pendingCount();

  /** Disables {@code channel} for {@code userId}. */
  void disableChannel(String userId, String channel, String reason, long nowMillis);

  /** Enables {@code channel} for {@code userId} again (after the user fixed it). */
  void enableChannel(String userId, String channel);

  /** Every disabled channel, for the dashboard. */
  List<DisabledChannel> disabledChannels();
}
