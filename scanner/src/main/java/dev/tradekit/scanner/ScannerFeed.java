package dev.tradekit.scanner;

import dev.tradekit.api.runtime.Scheduler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scanner's tiered, transport-neutral publication of {@link OrderUpdate}s as JSON documents. A
 * transport (WebSocket, SSE, a message bus) subscribes once per client with the client's tier and
 * credential and forwards what it receives.
 *
 * <p>Each subscriber has its own bounded queue (default 1000 messages; the oldest is dropped and
 * counted when full), so a slow subscriber never holds up the scanner or other subscribers. Delays
 * and rates are timed on the scanner's scheduler. See {@link FeedTier} for what each tier gets.
 *
 * <pre>{@code
 * ScannerFeed feed = scanner.feed();
 * FeedSubscription pub = feed.subscribe(FeedTier.PUBLIC, "", json -> socket.send(json));
 * FeedSubscription vip = feed.subscribe(FeedTier.VIP, vipKey, FeedSubscriber.accepting(log::info));
 * }</pre>
 */
public final class ScannerFeed {
  private static final Set<UpdateReason> HOT_POOL_REASONS =
      EnumSet.of(
          UpdateReason.ENTERED_HOT,
          UpdateReason.LEFT_HOT,
          UpdateReason.CATEGORY_CHANGED,
          UpdateReason.WEIGHT_MOVED,
          UpdateReason.VALUE_MOVED);

  private final Scheduler scheduler;
  private final ScannerConfig.FeedSettings settings;
  private final List<SubscriberQueue> subscribers = new CopyOnWriteArrayList<>();

  ScannerFeed(Scheduler scheduler, ScannerConfig.FeedSettings settings) {
    this.scheduler = scheduler;
    this.settings = settings;
  }

  /**
   * Subscribes {@code subscriber} to {@code tier}; callable from any thread.
   *
   * @param credential a private token for {@link FeedTier#PRIVATE}, a VIP key for {@link
   *     FeedTier#VIP}, ignored for {@link FeedTier#PUBLIC}
   * @throws SecurityException if the credential is not accepted for the tier
   */
  public FeedSubscription subscribe(FeedTier tier, String credential, FeedSubscriber subscriber) {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(subscriber, "subscriber");
    switch (tier) {
      case PRIVATE -> requireKnown(credential, settings.privateTokens(), "private token");
      case VIP -> requireKnown(credential, settings.vipKeys(), "VIP key");
      case PUBLIC -> {}
    }
    boolean isPublic = tier == FeedTier.PUBLIC;
    SubscriberQueue q =
        new SubscriberQueue(
            tier,
            subscriber,
            scheduler,
            settings.queueCapacity(),
            isPublic ? settings.publicDelay().toMillis() : 0,
            isPublic ? settings.publicMessagesPerSecond() : 0,
            settings.busyRetry().toMillis());
    subscribers.add(q);
    return q;
  }

  /** The number of active subscriptions. */
  public int subscriberCount() {
    subscribers.removeIf(s -> !s.isActive());
    return subscribers.size();
  }

  /** Messages dropped over every subscription, closed ones included until they are pruned. */
  long dropped() {
    long n = 0;
    for (SubscriberQueue s : subscribers) {
      n += s.dropped();
    }
    return n;
  }

  /** Whether {@code tier} receives {@code update}. */
  static boolean accepts(FeedTier tier, OrderUpdate update) {
    boolean hotPool = update.reasons().stream().anyMatch(HOT_POOL_REASONS::contains);
    return switch (tier) {
      case PRIVATE -> true;
      case VIP -> hotPool;
      case PUBLIC -> hotPool && update.category() == Category.DIAMOND;
    };
  }

  /** Hands {@code update} to every subscriber whose tier takes it; on the scheduler thread. */
  void publish(OrderUpdate update) {
    String json = null;
    long now = scheduler.currentTimeMillis();
    for (SubscriberQueue s : subscribers) {
      if (s.isActive() && accepts(s.tier(), update)) {
        if (json == null) {
          json = update.toJson();
        }
        s.offer(json, now);
      }
    }
  }

  /** Closes every subscription. */
  void close() {
    subscribers.forEach(SubscriberQueue::close);
  }

  private static void requireKnown(String credential, Set<String> known, String what) {
    byte[] given = credential.getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (String k : known) {
      found |= MessageDigest.isEqual(given, k.getBytes(StandardCharsets.UTF_8));
    }
    if (!found || credential.isEmpty()) {
      throw new SecurityException("unknown " + what + " (the credential is not shown)");
    }
  }
}
