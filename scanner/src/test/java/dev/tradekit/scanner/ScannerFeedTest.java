package dev.tradekit.scanner;

import static dev.tradekit.scanner.TestUpdates.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.runtime.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The feed tiers in virtual time: who gets what, when, and how fast. */
class ScannerFeedTest {
  private static final long T0 = 1_700_000_000_000L;
  private final VirtualScheduler clock = new VirtualScheduler(T0);
  private final ScannerFeed feed =
      new ScannerFeed(
          clock,
          new ScannerConfig.FeedSettings(
              Set.of("secret-token"),
              Set.of("vip-key"),
              Duration.ofSeconds(5),
              10,
              1000,
              Duration.ofMillis(100)));

  /** Records delivery times and messages. */
  private final class Recorder implements FeedSubscriber {
    final List<Long> times = new ArrayList<>();
    final List<String> messages = new ArrayList<>();

    @Override
    public boolean offer(String json) {
      times.add(clock.currentTimeMillis());
      messages.add(json);
      return true;
    }
  }

  @Test
  void privateGetsEverythingVipTheHotPoolAndPublicNothingBelowDiamond() {
    Recorder priv = new Recorder();
    Recorder vip = new Recorder();
    Recorder pub = new Recorder();
    feed.subscribe(FeedTier.PRIVATE, "secret-token", priv);
    feed.subscribe(FeedTier.VIP, "vip-key", vip);
    feed.subscribe(FeedTier.PUBLIC, "", pub);
    feed.publish(update(T0, 0.1, UpdateReason.DETECTED));
    feed.publish(update(T0, 0.5, UpdateReason.ENTERED_HOT));
    feed.publish(update(T0, 0.2, UpdateReason.CATEGORY_CHANGED));
    feed.publish(update(T0, 0.2, UpdateReason.DIED));
    clock.runPending();
    assertThat(priv.times).containsExactly(T0, T0, T0, T0);
    assertThat(vip.messages).hasSize(2);
    assertThat(vip.messages.get(0)).contains("\"reasons\":[\"ENTERED_HOT\"]", "\"GOLD\"");
    assertThat(vip.messages.get(1)).contains("CATEGORY_CHANGED", "\"category\":\"BASIC\"");
    clock.advanceBy(Duration.ofMinutes(1));
    assertThat(pub.messages).isEmpty();
  }

  @Test
  void publicGetsDiamondsAfterTheDelayWhileVipGetsThemAtOnce() {
    Recorder vip = new Recorder();
    Recorder pub = new Recorder();
    feed.subscribe(FeedTier.VIP, "vip-key", vip);
    feed.subscribe(FeedTier.PUBLIC, "anything", pub);
    feed.publish(update(T0, 0.9, UpdateReason.ENTERED_HOT));
    clock.runPending();
    assertThat(vip.times).containsExactly(T0);
    clock.advanceTo(T0 + 4_999);
    assertThat(pub.times).isEmpty();
    clock.advanceTo(T0 + 5_000);
    assertThat(pub.times).containsExactly(T0 + 5_000);
    assertThat(pub.messages.get(0)).isEqualTo(vip.messages.get(0));
  }

  @Test
  void publicIsLimitedToTenMessagesInAnySecondAndVipIsNot() {
    Recorder vip = new Recorder();
    Recorder pub = new Recorder();
    feed.subscribe(FeedTier.VIP, "vip-key", vip);
    FeedSubscription sub = feed.subscribe(FeedTier.PUBLIC, "", pub);
    for (int i = 0; i < 25; i++) {
      feed.publish(update(T0, 0.9, UpdateReason.WEIGHT_MOVED));
    }
    clock.runPending();
    assertThat(vip.times).hasSize(25).containsOnly(T0);
    clock.advanceTo(T0 + 5_000);
    assertThat(pub.times).hasSize(10);
    assertThat(sub.queued()).isEqualTo(15);
    clock.advanceBy(Duration.ofSeconds(10));
    assertThat(pub.times).hasSize(25);
    assertThat(pub.times.subList(10, 20)).containsOnly(T0 + 6_000);
    assertThat(pub.times.subList(20, 25)).containsOnly(T0 + 7_000);
    for (int i = 10; i < pub.times.size(); i++) {
      assertThat(pub.times.get(i) - pub.times.get(i - 10)).isGreaterThanOrEqualTo(1_000);
    }
    assertThat(sub.delivered()).isEqualTo(25);
    assertThat(sub.dropped()).isZero();
  }

  @Test
  void aBusySubscriberKeepsItsNewestMessagesAndNeverBlocksOthers() {
    ScannerFeed small =
        new ScannerFeed(
            clock,
            new ScannerConfig.FeedSettings(
                Set.of(), Set.of("vip-key"), Duration.ZERO, 10, 3, Duration.ofMillis(100)));
    List<String> got = new ArrayList<>();
    boolean[] ready = {false};
    FeedSubscription slow =
        small.subscribe(
            FeedTier.VIP,
            "vip-key",
            json -> {
              if (ready[0]) {
                got.add(json);
              }
              return ready[0];
            });
    Recorder fast = new Recorder();
    small.subscribe(FeedTier.VIP, "vip-key", fast);
    for (int i = 0; i < 5; i++) {
      small.publish(update(T0 + i, 0.5, UpdateReason.WEIGHT_MOVED));
      clock.runPending();
    }
    clock.advanceBy(Duration.ofMillis(250));
    assertThat(fast.messages).hasSize(5);
    assertThat(slow.delivered()).isZero();
    assertThat(slow.dropped()).isEqualTo(2);
    assertThat(slow.queued()).isEqualTo(3);
    ready[0] = true;
    clock.advanceBy(Duration.ofMillis(100));
    assertThat(got).hasSize(3);
    assertThat(got.get(0)).contains("\"time\":" + (T0 + 2));
    assertThat(got.get(2)).contains("\"time\":" + (T0 + 4));
  }

  @Test
  void aThrowingSubscriberLosesTheMessageOnly() {
    FeedSubscription bad =
        feed.subscribe(
            FeedTier.VIP,
            "vip-key",
            json -> {
              throw new IllegalStateException("transport closed");
            });
    Recorder good = new Recorder();
    feed.subscribe(FeedTier.VIP, "vip-key", good);
    feed.publish(update(T0, 0.5, UpdateReason.ENTERED_HOT));
    clock.runPending();
    assertThat(bad.dropped()).isEqualTo(1);
    assertThat(bad.delivered()).isZero();
    assertThat(good.messages).hasSize(1);
  }

  @Test
  void credentialsAreCheckedPerTierAndNeverEchoed() {
    assertThatThrownBy(() -> feed.subscribe(FeedTier.PRIVATE, "vip-key", json -> true))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("private token")
        .hasMessageNotContaining("vip-key");
    assertThatThrownBy(() -> feed.subscribe(FeedTier.VIP, "secret-token", json -> true))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("VIP key");
    assertThatThrownBy(() -> feed.subscribe(FeedTier.VIP, "", json -> true))
        .isInstanceOf(SecurityException.class);
    assertThat(feed.subscribe(FeedTier.PUBLIC, "", json -> true).tier()).isEqualTo(FeedTier.PUBLIC);
  }

  @Test
  void aClosedSubscriptionReceivesNothingMore() {
    Recorder r = new Recorder();
    FeedSubscription s = feed.subscribe(FeedTier.PUBLIC, "", r);
    feed.publish(update(T0, 0.9, UpdateReason.ENTERED_HOT));
    s.close();
    clock.advanceBy(Duration.ofSeconds(10));
    assertThat(r.messages).isEmpty();
    assertThat(s.isActive()).isFalse();
    assertThat(feed.subscriberCount()).isZero();
  }
}
