package dev.tradekit.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.runtime.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NotifierTest {
  private static final long T0 = Instant.parse("2026-01-05T12:00:00Z").toEpochMilli();

  private final VirtualScheduler clock = new VirtualScheduler(T0);
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final RecordingChannel telegram = new RecordingChannel("telegram");
  private final RecordingChannel email = new RecordingChannel("email");

  private Notifier notifier(List<Preference> prefs) {
    return Notifier.builder()
        .scheduler(clock)
        .outbox(outbox)
        .preferences(PreferenceStore.of(prefs))
        .channel(telegram)
        .channel(email)
        .random(new Random(7))
        .build();
  }

  private NotifyEvent event(EventKind kind, String id) {
    return NotifyEvent.builder(kind, "alice").id(id).bot("grid-1").occurredAt(clock.now()).build();
  }

  @Test
  void fansOutOnlyToPreferencesThatWantTheKindAndSeverity() {
    Notifier n =
        notifier(
            List.of(
                Preference.of("alice", "telegram", "42")
                    .withKinds(EnumSet.of(EventKind.ORDER_FILLED, EventKind.COPY_FAILED)),
                Preference.of("alice", "email", "alice@example.com")
                    .withMinSeverity(Severity.ERROR),
                Preference.of("bob", "telegram", "43")));

    assertThat(n.enqueue(event(EventKind.ORDER_FILLED, "f1"))).isEqualTo(1);
    assertThat(n.enqueue(event(EventKind.COPY_FAILED, "c1"))).isEqualTo(2);
    assertThat(n.enqueue(event(EventKind.BOT_STARTED, "s1"))).isZero();
    clock.advanceBy(Duration.ofSeconds(1));
    n.deliverDue();

    assertThat(telegram.deliveries)
        .extracting(Delivery::idempotencyKey)
        .containsExactlyInAnyOrder("f1", "c1");
    assertThat(telegram.deliveries).extracting(Delivery::address).containsOnly("42");
    assertThat(email.deliveries).extracting(Delivery::idempotencyKey).containsExactly("c1");
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void enqueuingTheSameEventIdTwiceDeliversItOnce() {
    Notifier n = notifier(List.of(Preference.of("alice", "telegram", "42")));
    n.enqueue(event(EventKind.ORDER_FILLED, "f1"));
    n.enqueue(event(EventKind.ORDER_FILLED, "f1"));
    clock.advanceBy(Duration.ofSeconds(1));
    n.deliverDue();
    assertThat(telegram.deliveries).hasSize(1);
    assertThat(telegram.deliveries.get(0).count()).isEqualTo(1);
  }

  @Test
  void coalescesAHundredFillsInOneSecondIntoOneMessageWithACount() {
    Notifier n = notifier(List.of(Preference.of("alice", "telegram", "42")));
    for (int i = 0; i < 100; i++) {
      n.enqueue(event(EventKind.ORDER_FILLED, "fill-" + i));
      clock.advanceBy(Duration.ofMillis(9)); // 100 fills within 0.9 s
    }
    n.enqueue(event(EventKind.BOT_STOPPED, "stop-1"));
    clock.advanceBy(Duration.ofSeconds(1));
    n.deliverDue();

    assertThat(telegram.deliveries).hasSize(2);
    Delivery fills = telegram.deliveries.get(0);
    assertThat(fills.count()).isEqualTo(100);
    assertThat(fills.idempotencyKey()).isEqualTo("fill-0+99");
    assertThat(fills.eventIds()).first().isEqualTo("fill-0");
    assertThat(fills.plainText()).startsWith("100 x Order filled");
    assertThat(telegram.deliveries.get(1).eventIds()).containsExactly("stop-1");
  }

  @Test
  void waitsTheCoalesceWindowBeforeSending() {
    Notifier n = notifier(List.of(Preference.of("alice", "telegram", "42")));
    n.enqueue(event(EventKind.ORDER_FILLED, "f1"));
    clock.advanceBy(Duration.ofMillis(999));
    assertThat(n.deliverDue()).isZero();
    clock.advanceBy(Duration.ofMillis(1));
    assertThat(n.deliverDue()).isEqualTo(1);
  }

  @Test
  void retriesWithExponentialBackoffAndJitterThenDeadLettersWithTheLastError() {
    Notifier n =
        Notifier.builder()
            .scheduler(clock)
            .outbox(outbox)
            .preferences(PreferenceStore.of(List.of(Preference.of("alice", "telegram", "42"))))
            .channel(telegram)
            .coalesceWindow(Duration.ZERO)
            .maxAttempts(4)
            .backoffBase(Duration.ofSeconds(10))
            .random(new Random(1))
            .build();
    for (int i = 1; i <= 4; i++) {
      telegram.answers.add(DeliveryResult.retry("HTTP 502 #" + i));
    }
    n.enqueue(event(EventKind.ORDER_FILLED, "f1"));
    long[] gaps = new long[3];
    n.deliverDue();
    for (int i = 0; i < 3; i++) {
      long due = outbox.all().get(0).nextAttemptAtMillis();
      gaps[i] = due - clock.currentTimeMillis();
      clock.advanceTo(due);
      n.deliverDue();
    }
    // attempt k waits between half and all of 10 s * 2^(k-1)
    assertThat(gaps[0]).isBetween(5_000L, 10_000L);
    assertThat(gaps[1]).isBetween(10_000L, 20_000L);
    assertThat(gaps[2]).isBetween(20_000L, 40_000L);
    assertThat(telegram.deliveries).hasSize(4);
    assertThat(n.deadLetters(10))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.lastError()).isEqualTo("HTTP 502 #4");
              assertThat(r.state()).isEqualTo(Outbox.State.DEAD);
            });

    assertThat(n.retryDeadLetter("f1|telegram|42")).isTrue();
    n.deliverDue();
    assertThat(telegram.deliveries).hasSize(5);
    assertThat(n.deadLetters(10)).isEmpty();
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void throttlingWaitsWithoutCountingAnAttempt() {
    Notifier n = notifier(List.of(Preference.of("alice", "telegram", "42")));
    telegram.answers.add(DeliveryResult.throttled(Duration.ofSeconds(7), "429"));
    n.enqueue(event(EventKind.ORDER_FILLED, "f1"));
    clock.advanceBy(Duration.ofSeconds(1));
    n.deliverDue();
    Outbox.Row row = outbox.all().get(0);
    assertThat(row.attempts()).isZero();
    assertThat(row.nextAttemptAtMillis()).isEqualTo(clock.currentTimeMillis() + 7_000);
    clock.advanceBy(Duration.ofMillis(6_999));
    assertThat(n.deliverDue()).isZero();
    clock.advanceBy(Duration.ofMillis(1));
    assertThat(n.deliverDue()).isEqualTo(1);
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void aPermanentRefusalDisablesTheChannelForThatUserUntilEnabled() {
    Notifier n =
        notifier(
            List.of(
                Preference.of("alice", "telegram", "42"),
                Preference.of("alice", "email", "alice@example.com")));
    telegram.answers.add(DeliveryResult.disable("telegram 403: Forbidden: bot was blocked"));
    n.enqueue(event(EventKind.ORDER_FILLED, "f1"));
    clock.advanceBy(Duration.ofSeconds(1));
    n.deliverDue();
    n.enqueue(event(EventKind.BOT_STOPPED, "s1"));
    clock.advanceBy(Duration.ofSeconds(1));
    n.deliverDue();

    assertThat(n.disabledChannels())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.userId()).isEqualTo("alice");
              assertThat(d.channel()).isEqualTo("telegram");
              assertThat(d.reason()).contains("blocked");
            });
    assertThat(telegram.deliveries).hasSize(1);
    assertThat(email.deliveries).hasSize(2);
    assertThat(n.deadLetters(10))
        .extracting(Outbox.Row::deliveryId)
        .containsExactlyInAnyOrder("f1|telegram|42", "s1|telegram|42");

    n.enableChannel("alice", "telegram");
    n.retryDeadLetter("s1|telegram|42");
    n.deliverDue();
    assertThat(telegram.deliveries).hasSize(2);
    assertThat(n.disabledChannels()).isEmpty();
  }

  @Test
  void quietHoursSendSilentlyExceptCriticalEvents() {
    QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("UTC"));
    VirtualScheduler lateClock =
        new VirtualScheduler(Instant.parse("2026-01-05T23:30:00Z").toEpochMilli());
    Notifier n =
        Notifier.builder()
            .scheduler(lateClock)
            .outbox(outbox)
            .preferences(
                PreferenceStore.of(
                    List.of(Preference.of("alice", "telegram", "42").withQuietHours(night))))
            .channel(telegram)
            .coalesceWindow(Duration.ZERO)
            .build();
    n.enqueue(
        NotifyEvent.builder(EventKind.ORDER_FILLED, "alice")
            .id("f1")
            .occurredAt(lateClock.now())
            .build());
    n.enqueue(
        NotifyEvent.builder(EventKind.BOT_ERROR, "alice")
            .id("e1")
            .severity(Severity.CRITICAL)
            .occurredAt(lateClock.now())
            .build());
    n.deliverDue();
    assertThat(telegram.deliveries)
        .extracting(Delivery::idempotencyKey, Delivery::silent)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("f1", true),
            org.assertj.core.groups.Tuple.tuple("e1", false));
  }

  @Test
  void rowsForAnUnknownChannelAreDeadLetteredNotLost() {
    Notifier n = notifier(List.of(Preference.of("alice", "sms", "+331234")));
    n.enqueue(event(EventKind.ORDER_FILLED, "f1"));
    clock.advanceBy(Duration.ofSeconds(1));
    n.deliverDue();
    assertThat(n.deadLetters(5))
        .singleElement()
        .extracting(Outbox.Row::lastError)
        .isEqualTo("no channel registered with id sms");
  }

  @Test
  void aThrowingChannelCountsAsARetry() {
    Channel broken =
        new Channel() {
          @Override
          public String id() {
            return "broken";
          }

          @Override
          public DeliveryResult deliver(Delivery delivery) {
            throw new IllegalStateException("boom");
          }
        };
    Notifier n =
        Notifier.builder()
            .scheduler(clock)
            .outbox(outbox)
            .preferences(PreferenceStore.of(List.of(Preference.of("alice", "broken", "x"))))
            .channel(broken)
            .coalesceWindow(Duration.ZERO)
            .build();
    n.enqueue(event(EventKind.ORDER_FILLED, "f1"));
    n.deliverDue();
    Outbox.Row row = outbox.all().get(0);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(row.lastError()).isEqualTo("IllegalStateException: boom");
  }

  @Test
  void builderValidatesEagerly() {
    assertThatThrownBy(() -> Notifier.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Notifier.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Notifier.builder().coalesceWindow(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Notifier.builder().channel(telegram).channel(new RecordingChannel("telegram")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quietHoursSpanningMidnightContainLateAndEarlyTimes() {
    QuietHours q =
        new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/Paris"));
    assertThat(q.contains(Instant.parse("2026-01-05T21:30:00Z"))).isTrue(); // 22:30 Paris
    assertThat(q.contains(Instant.parse("2026-01-06T05:59:00Z"))).isTrue(); // 06:59 Paris
    assertThat(q.contains(Instant.parse("2026-01-06T06:00:00Z"))).isFalse(); // 07:00 Paris
    assertThat(q.contains(Instant.parse("2026-01-05T20:59:00Z"))).isFalse(); // 21:59 Paris
  }

  @Test
  void everyKindTheIssueListsHasADefaultSeverityAndAStableWireName() {
    assertThat(EventKind.values()).hasSize(18);
    for (EventKind k : EventKind.values()) {
      assertThat(EventKind.fromWireName(k.wireName())).isEqualTo(k);
      NotifyEvent e = NotifyEvent.builder(k, "u").occurredAt(Instant.EPOCH).build();
      assertThat(e.severity()).isNotNull();
      assertThat(e.id()).isNotBlank();
    }
    assertThat(
            NotifyEvent.builder(EventKind.COPY_FAILED, "u")
                .occurredAt(Instant.EPOCH)
                .build()
                .severity())
        .isEqualTo(Severity.ERROR);
  }
}
