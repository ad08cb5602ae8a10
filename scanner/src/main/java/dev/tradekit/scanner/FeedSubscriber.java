package dev.tradekit.scanner;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Receives feed messages, one JSON document (see {@link OrderUpdate#toJson()}) per call.
 *
 * <p>Called on the scanner's scheduler thread; must not block. A subscriber whose transport is
 * momentarily full returns {@code false}: the message stays queued and is offered again shortly,
 * while newer messages queue behind it (the oldest are dropped when the subscriber's queue is
 * full). An exception counts as a dropped message.
 *
 * <pre>{@code
 * FeedSubscriber ws = json -> webSocket.send(json); // OkHttp: false when its buffer is full
 * }</pre>
 */
@FunctionalInterface
public interface FeedSubscriber {

  /**
   * Offers one message.
   *
   * @return {@code true} if taken, {@code false} to be offered the same message again later
   */
  boolean offer(String json);

  /** A subscriber that hands every message to {@code consumer} and always takes it. */
  static FeedSubscriber accepting(Consumer<String> consumer) {
    Objects.requireNonNull(consumer, "consumer");
    return json -> {
      consumer.accept(json);
      return true;
    };
  }
}
