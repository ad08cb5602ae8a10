package dev.tradekit.notify;

/**
 * A way to reach a user: Telegram, email, webhooks, or your own (Slack, Discord) in a few lines.
 *
 * <pre>{@code
 * Channel slack = new Channel() {
 *   public String id() { return "slack"; }
 *   public DeliveryResult deliver(Delivery d) {
 *     // POST {"text": d.plainText()} to the incoming-webhook URL in d.address()
 *     return ok ? DeliveryResult.delivered() : DeliveryResult.retry("HTTP " + code);
 *   }
 * };
 * }</pre>
 *
 * <p>Threading: {@link #deliver} is called from the notifier's one delivery thread, one delivery at
 * a time; it may block on I/O (use timeouts). A thrown exception counts as {@link
 * DeliveryResult.Retry} with the exception's class and message as the last error, so never put a
 * secret in an exception message.
 */
public interface Channel {

  /** The id that {@link Preference#channel()} names, e.g. {@code telegram}. */
  String id();

  /**
   * Sends {@code delivery}; carry {@link Delivery#idempotencyKey()} so that the receiver can drop
   * repeats (delivery is at least once).
   */
  DeliveryResult deliver(Delivery delivery);
}
