package dev.tradekit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.runtime.VirtualScheduler;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What {@link JdbcOutbox} must do on every database: run on SQLite ({@link JdbcOutboxIT}) and, when
 * a server is named, PostgreSQL ({@link PostgresOutboxIT}).
 */
abstract class OutboxContract {
  /** The test's database: each call gives new connections to the same one. */
  abstract DataSource database() throws Exception;

  private final VirtualScheduler clock =
      new VirtualScheduler(Instant.parse("2026-01-05T12:00:00Z").toEpochMilli());

  private NotifyEvent event(String id) {
    return NotifyEvent.builder(EventKind.ORDER_FILLED, "alice")
        .id(id)
        .bot("grid-1")
        .field("price", "65000.10")
        .field("qty", "0.010")
        .occurredAt(clock.now())
        .build();
  }

  private Notifier notifier(Outbox outbox, Channel channel) {
    return Notifier.builder()
        .scheduler(clock)
        .outbox(outbox)
        .preferences(PreferenceStore.of(List.of(Preference.of("alice", channel.id(), "addr-1"))))
        .channel(channel)
        .coalesceWindow(Duration.ZERO)
        .build();
  }

  @Test
  void migratesOnceAndReopensAnExistingDatabase() throws Exception {
    DataSource ds = database();
    JdbcOutbox.create(ds);
    JdbcOutbox.create(ds);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM notify_schema")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getInt(2)).isEqualTo(JdbcOutbox.SCHEMA_VERSION);
    }
  }

  @Test
  void anEventCommitsOrRollsBackWithTheCallersTransaction() throws Exception {
    DataSource ds = database();
    JdbcOutbox outbox = JdbcOutbox.create(ds);
    Notifier n = notifier(outbox, new RecordingChannel("telegram"));
    try (Connection c = ds.getConnection()) {
      c.createStatement().execute("CREATE TABLE bots (id TEXT PRIMARY KEY, state TEXT)");
      c.setAutoCommit(false);
      c.createStatement().execute("INSERT INTO bots VALUES ('grid-1', 'STOPPED')");
      assertThat(n.enqueue(c, event("rolled-back"))).isEqualTo(1);
      c.rollback();
      c.createStatement().execute("INSERT INTO bots VALUES ('grid-2', 'STOPPED')");
      n.enqueue(c, event("committed"));
      c.commit();
    }
    assertThat(outbox.pendingCount()).isEqualTo(1);
    assertThat(outbox.due(clock.currentTimeMillis(), 10))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.deliveryId()).isEqualTo("committed|telegram|addr-1");
              assertThat(r.event()).isEqualTo(event("committed"));
              assertThat(r.event().fields())
                  .containsExactly(Map.entry("price", "65000.10"), Map.entry("qty", "0.010"));
            });
  }

  @Test
  void pendingRowsDeadLettersAndDisabledChannelsSurviveARestart() throws Exception {
    DataSource file = database();
    RecordingChannel first = new RecordingChannel("telegram");
    first.answers.add(DeliveryResult.retry("HTTP 502"));
    Notifier before = notifier(JdbcOutbox.create(file), first);
    before.enqueue(event("e1"));
    before.enqueue(event("e2"));
    before.deliverDue(); // e1+e2 coalesced, one failed attempt
    JdbcOutbox reopened = JdbcOutbox.create(file);
    assertThat(reopened.pendingCount()).isEqualTo(2);
    reopened.markDead(List.of("e2|telegram|addr-1"), "gave up", clock.currentTimeMillis());
    reopened.disableChannel("alice", "email", "550 mailbox unavailable", clock.currentTimeMillis());

    // "restart": a new outbox and notifier on the same file
    RecordingChannel second = new RecordingChannel("telegram");
    Notifier after = notifier(JdbcOutbox.create(file), second);
    clock.advanceBy(Duration.ofMinutes(5));
    after.deliverDue();
    assertThat(second.deliveries)
        .singleElement()
        .extracting(Delivery::eventIds)
        .isEqualTo(List.of("e1"));
    assertThat(after.deadLetters(10))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.deliveryId()).isEqualTo("e2|telegram|addr-1");
              assertThat(r.lastError()).isEqualTo("gave up");
              assertThat(r.attempts()).isEqualTo(1);
            });
    assertThat(after.disabledChannels())
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).isEqualTo("550 mailbox unavailable"));
    assertThat(after.retryDeadLetter("e2|telegram|addr-1")).isTrue();
    assertThat(after.retryDeadLetter("e2|telegram|addr-1")).isFalse();
    after.deliverDue();
    assertThat(second.deliveries).hasSize(2);
    after.enableChannel("alice", "email");
    assertThat(after.disabledChannels()).isEmpty();
  }
}
