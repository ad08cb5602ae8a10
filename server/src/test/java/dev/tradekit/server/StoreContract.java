package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.notify.EventKind;
import dev.tradekit.notify.JdbcOutbox;
import dev.tradekit.notify.Notifier;
import dev.tradekit.notify.NotifyEvent;
import dev.tradekit.notify.Outbox;
import dev.tradekit.notify.Preference;
import dev.tradekit.notify.PreferenceStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every {@link Store} must do; run on SQLite and, when a server is named, PostgreSQL. */
abstract class StoreContract {
  private @org.jspecify.annotations.Nullable Store store;

  /** A fresh, empty, migrated store. */
  abstract Store open();

  /** Other connections to the database of the last store {@link #open()}ed (the outbox's). */
  abstract DataSource dataSource();

  Store store() {
    Store s = store;
    if (s == null) {
      s = open();
      store = s;
    }
    return s;
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void keepsUsersAndRefusesADuplicateName() {
    Store s = store();
    assertThat(s.countUsers()).isZero();
    Store.User u = new Store.User("usr_1", "alice", "admin", "$argon2id$x", 5);
    s.insertUser(u);
    assertThat(s.userByName("alice")).contains(u);
    assertThat(s.user("usr_1")).contains(u);
    assertThat(s.countUsers()).isEqualTo(1);
    assertThatThrownBy(() -> s.insertUser(new Store.User("usr_2", "alice", "viewer", "h", 6)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(s.users()).containsExactly(u);
  }

  @Test
  void spendsARefreshTokenOnceAndRevokesItsFamily() {
    Store s = store();
    s.insertRefresh(new Store.RefreshToken("h1", "fam1", "usr_1", 100, false, false));
    s.insertRefresh(new Store.RefreshToken("h2", "fam1", "usr_1", 100, false, false));
    s.insertRefresh(new Store.RefreshToken("h3", "fam2", "usr_1", 100, false, false));
    assertThat(s.spendRefresh("h1")).isTrue();
    assertThat(s.spendRefresh("h1")).isFalse();
    assertThat(s.refresh("h1").orElseThrow().used()).isTrue();
    s.revokeFamily("fam1");
    assertThat(s.refresh("h2").orElseThrow().revoked()).isTrue();
    assertThat(s.spendRefresh("h2")).isFalse();
    assertThat(s.refresh("h3").orElseThrow().revoked()).isFalse();
    s.revokeUserTokens("usr_1");
    assertThat(s.refresh("h3").orElseThrow().revoked()).isTrue();
  }

  @Test
  void listsAuditNewestFirstPerUser() {
    Store s = store();
    s.appendAudit(
        new Store.AuditEntry(0, 1, "usr_1", "alice", "login", "user alice", "127.0.0.1", "ok"));
    s.appendAudit(
        new Store.AuditEntry(0, 2, "usr_2", "bob", "bot.create", "bot b", "127.0.0.1", "ok"));
    s.appendAudit(new Store.AuditEntry(0, 3, "usr_1", "alice", "key.create", "key k", "::1", "ok"));
    assertThat(s.audit(null, 10))
        .extracting(Store.AuditEntry::action)
        .containsExactly("key.create", "bot.create", "login");
    assertThat(s.audit("usr_1", 10))
        .extracting(Store.AuditEntry::action)
        .containsExactly("key.create", "login");
    assertThat(s.audit(null, 1)).hasSize(1);
  }

  @Test
  void replacesTheVaultMeta() {
    Store s = store();
    assertThat(s.vaultMeta()).isEmpty();
    s.putVaultMeta(new Store.VaultMeta(new byte[] {1, 2}, new byte[] {3}, 1));
    s.putVaultMeta(new Store.VaultMeta(new byte[] {4, 5}, new byte[] {6}, 2));
    Store.VaultMeta m = s.vaultMeta().orElseThrow();
    assertThat(m.wrappedDataKey()).containsExactly(4, 5);
    assertThat(m.salt()).containsExactly(6);
    assertThat(m.version()).isEqualTo(2);
  }

  @Test
  void keepsKeysPerOwner() {
    Store s = store();
    s.insertKey(
        new Store.KeyRecord("k1", "usr_1", "sim", "main", "ab", new byte[] {1}, new byte[] {2}, 1));
    s.insertKey(
        new Store.KeyRecord("k2", "usr_2", "sim", "alt", "cd", new byte[] {3}, new byte[] {4}, 2));
    assertThat(s.keys("usr_1")).extracting(Store.KeyRecord::id).containsExactly("k1");
    assertThat(s.keys(null)).extracting(Store.KeyRecord::id).containsExactly("k1", "k2");
    assertThat(s.key("k2").orElseThrow().ciphertext()).containsExactly(4);
    assertThat(s.deleteKey("k1")).isTrue();
    assertThat(s.deleteKey("k1")).isFalse();
    assertThat(s.key("k1")).isEmpty();
  }

  @Test
  void keepsAndUpdatesBots() {
    Store s = store();
    Store.Bot b = new Store.Bot("b1", "usr_1", "grid", "g", "{}", "stopped", 1, 1);
    s.insertBot(b);
    s.insertBot(new Store.Bot("b2", "usr_2", "dca", "d", "{}", "stopped", 2, 2));
    Store.Bot renamed = new Store.Bot("b1", "usr_1", "grid", "g2", "{\"a\":1}", "running", 1, 9);
    s.updateBot(renamed);
    assertThat(s.bot("b1")).contains(renamed);
    assertThat(s.bots("usr_1")).containsExactly(renamed);
    assertThat(s.bots(null)).hasSize(2);
    assertThat(s.deleteBot("b2")).isTrue();
    assertThat(s.bots(null)).containsExactly(renamed);
  }

  @Test
  void keepsTheNewestEquitySamplesPerBotInATimeRangeAndDropsThemWithTheBot() {
    Store s = store();
    s.insertBot(new Store.Bot("b1", "usr_1", "market-maker", "m", "{}", "running", 1, 1));
    s.insertBot(new Store.Bot("b2", "usr_1", "grid", "g", "{}", "running", 1, 1));
    for (int i = 1; i <= 5; i++) {
      s.appendEquity(
          new Store.EquitySample("b1", i * 60_000L, "1." + i, "-0.5", "0.1", "0.00" + i), 3);
    }
    s.appendEquity(new Store.EquitySample("b2", 60_000L, "7", "0", "0", "0"), 3);

    // b1 kept its newest 3 of 5; b2's one sample was not touched by b1's pruning
    assertThat(s.equity("b1", 0, Long.MAX_VALUE, 100))
        .containsExactly(
            new Store.EquitySample("b1", 180_000L, "1.3", "-0.5", "0.1", "0.003"),
            new Store.EquitySample("b1", 240_000L, "1.4", "-0.5", "0.1", "0.004"),
            new Store.EquitySample("b1", 300_000L, "1.5", "-0.5", "0.1", "0.005"));
    assertThat(s.equity("b1", 240_000L, 300_000L, 100))
        .extracting(Store.EquitySample::at)
        .containsExactly(240_000L, 300_000L);
    assertThat(s.equity("b1", 0, Long.MAX_VALUE, 1))
        .extracting(Store.EquitySample::at)
        .containsExactly(180_000L);
    assertThat(s.equity("b2", 0, Long.MAX_VALUE, 100)).hasSize(1);

    assertThat(s.deleteBot("b1")).isTrue();
    assertThat(s.equity("b1", 0, Long.MAX_VALUE, 100)).isEmpty();
    assertThat(s.equity("b2", 0, Long.MAX_VALUE, 100)).hasSize(1);
  }

  @Test
  void keepsJobsNewestFirstPerOwnerTheirResultsAndFailsTheUnfinishedOnes() {
    Store s = store();
    Store.Job a =
        new Store.Job("j1", "u1", "backtest", "a", "{}", "queued", 0, 10, 0, 0, null, null);
    Store.Job b = new Store.Job("j2", "u1", "grid", "b", "{}", "queued", 0, 20, 0, 0, null, null);
    Store.Job c =
        new Store.Job("j3", "u2", "backtest", "c", "{}", "queued", 0, 30, 0, 0, null, null);
    s.insertJob(a);
    s.insertJob(b);
    s.insertJob(c);
    Store.Job running = a.with("running", 0.25, 11, 0);
    s.updateJob(running);
    Store.Job done = b.with("running", 0, 21, 0).ended("done", 25, "{\"totalReturn\":0.01}", null);
    s.updateJob(done);
    s.putJobResult("j2", "{\"events\":5}", "<html>r</html>");

    assertThat(s.jobs("u1", 10)).extracting(Store.Job::id).containsExactly("j2", "j1");
    assertThat(s.jobs(null, 10)).extracting(Store.Job::id).containsExactly("j3", "j2", "j1");
    assertThat(s.jobs(null, 1)).extracting(Store.Job::id).containsExactly("j3");
    assertThat(s.job("j1")).contains(running);
    assertThat(s.job("j2").orElseThrow().progress()).isEqualTo(1.0);
    assertThat(s.job("j2").orElseThrow().summaryJson()).isEqualTo("{\"totalReturn\":0.01}");
    assertThat(s.jobResult("j2")).contains("{\"events\":5}");
    assertThat(s.jobReport("j2")).contains("<html>r</html>");
    assertThat(s.jobResult("j1")).isEmpty();
    assertThat(s.job("nope")).isEmpty();

    assertThat(s.failUnfinishedJobs(99, "interrupted")).isEqualTo(2);
    Store.Job failed = s.job("j1").orElseThrow();
    assertThat(failed.state()).isEqualTo("failed");
    assertThat(failed.error()).isEqualTo("interrupted");
    assertThat(failed.finishedAt()).isEqualTo(99);
    assertThat(s.job("j3").orElseThrow().state()).isEqualTo("failed");
    assertThat(s.job("j2").orElseThrow().state()).isEqualTo("done");
  }

  @Test
  void deletesAJobWithItsResultAndPrunesOnlyTheOldestFinishedJobsOfOneOwner() {
    Store s = store();
    for (int i = 1; i <= 5; i++) {
      Store.Job j =
          new Store.Job(
              "k" + i, "u1", "backtest", "n", "{}", "queued", 0, 10L * i, 0, 0, null, null);
      s.insertJob(j);
      if (i != 2) { // k2 stays queued
        s.updateJob(j.with("running", 0, 10L * i + 1, 0).ended("done", 10L * i + 2, "{}", null));
        s.putJobResult(j.id(), "{\"r\":" + i + "}", "<html>" + i + "</html>");
      }
    }
    s.insertJob(new Store.Job("o1", "u2", "backtest", "n", "{}", "done", 1, 1, 1, 2, "{}", null));

    assertThat(s.deleteJob("k5")).isTrue();
    assertThat(s.deleteJob("k5")).isFalse();
    assertThat(s.job("k5")).isEmpty();
    assertThat(s.jobResult("k5")).isEmpty();
    assertThat(s.jobReport("k5")).isEmpty();

    // finished, newest first: k4, k3, k1; keep 2 -> k1 goes; k2 (queued) and u2's job stay
    assertThat(s.pruneJobs("u1", 2)).isEqualTo(1);
    assertThat(s.jobs("u1", 10)).extracting(Store.Job::id).containsExactly("k4", "k3", "k2");
    assertThat(s.jobResult("k1")).isEmpty();
    assertThat(s.jobResult("k3")).contains("{\"r\":3}");
    assertThat(s.pruneJobs("u1", 2)).isZero();
    assertThat(s.pruneJobs("u1", 0)).isEqualTo(2);
    assertThat(s.jobs("u1", 10)).extracting(Store.Job::id).containsExactly("k2");
    assertThat(s.job("o1")).isPresent();
  }

  @Test
  void numbersEventsInOrderReplaysPerOwnerAndPrunesTheOldest() {
    Store s = store();
    long a = s.appendEvent("usr_1", "bot.created", "{\"n\":1}", 1);
    long b = s.appendEvent("usr_2", "bot.created", "{\"n\":2}", 2);
    long c = s.appendEvent("usr_1", "bot.updated", "{\"n\":3}", 3);
    assertThat(a).isLessThan(b);
    assertThat(b).isLessThan(c);
    List<Store.Event> mine = s.eventsAfter("usr_1", a, 10);
    assertThat(mine).extracting(Store.Event::id).containsExactly(c);
    assertThat(mine.get(0).dataJson()).isEqualTo("{\"n\":3}");
    assertThat(s.eventsAfter(null, 0, 10)).hasSize(3);
    assertThat(s.pruneEvents(2)).isEqualTo(1);
    assertThat(s.eventsAfter(null, 0, 10)).extracting(Store.Event::id).containsExactly(b, c);
  }

  @Test
  void keepsOneNotificationChannelPerUserAndChannel() {
    Store s = store();
    s.putNotifyChannel(
        new Store.NotifyChannel(
            "usr_1",
            "webhook",
            "https://a.example/h",
            "bot.stopped",
            "INFO",
            false,
            "sec_1",
            null,
            1));
    s.putNotifyChannel(
        new Store.NotifyChannel(
            "usr_1",
            "webhook",
            "https://b.example/h",
            "bot.error",
            "ERROR",
            true,
            "sec_2",
            "22:00-07:00 Europe/Paris",
            2));
    s.putNotifyChannel(
        new Store.NotifyChannel(
            "usr_2", "webhook", "https://c.example", "", "INFO", false, null, null, 3));
    Store.NotifyChannel c = s.notifyChannel("usr_1", "webhook").orElseThrow();
    assertThat(c.address()).isEqualTo("https://b.example/h");
    assertThat(c.silent()).isTrue();
    assertThat(c.secretId()).isEqualTo("sec_2");
    assertThat(c.quietHours()).isEqualTo("22:00-07:00 Europe/Paris");
    assertThat(s.notifyChannels("usr_1")).hasSize(1);
    assertThat(s.notifyChannel("usr_2", "webhook").orElseThrow().secretId()).isNull();
    assertThat(s.deleteNotifyChannel("usr_1", "webhook")).isTrue();
    assertThat(s.deleteNotifyChannel("usr_1", "webhook")).isFalse();
    assertThat(s.notifyChannels("usr_1")).isEmpty();
  }

  @Test
  void aStateChangeItsEventAndItsNotificationsCommitOrRollBackTogether() throws Exception {
    Store s = store();
    JdbcOutbox outbox = JdbcOutbox.create(dataSource());
    String hook = "https://hooks.example/tk";
    Notifier notifier =
        Notifier.builder()
            .scheduler(new VirtualScheduler(1_000))
            .outbox(outbox)
            .preferences(PreferenceStore.of(List.of(Preference.of("usr_1", "webhook", hook))))
            .coalesceWindow(Duration.ZERO)
            .build();
    Store.Bot stopped = new Store.Bot("b1", "usr_1", "grid", "g", "{}", "stopped", 1, 1);
    Store.Bot running = new Store.Bot("b1", "usr_1", "grid", "g", "{}", "running", 1, 2);
    s.insertBot(stopped);
    AtomicBoolean crash = new AtomicBoolean(true);
    EventHub.Tap tap =
        (tx, owner, id, type, data) -> {
          notifier.enqueue(
              tx,
              NotifyEvent.builder(EventKind.BOT_STARTED, owner)
                  .id("tk-" + id)
                  .occurredAt(java.time.Instant.ofEpochMilli(2))
                  .build());
          if (crash.get()) {
            throw new IllegalStateException("crash after the outbox write");
          }
        };
    try (EventHub hub = new EventHub(s, 1_000, 4, tap)) {
      EventHub.Subscriber sub = hub.subscribe(null);
      Map<String, Object> data = Map.of("bot", "b1", "state", "running");
      assertThatThrownBy(
              () -> hub.publish("usr_1", "bot.started", data, 2, () -> s.updateBot(running)))
          .hasMessage("crash after the outbox write");
      assertThat(s.bot("b1")).as("the state change rolled back").contains(stopped);
      assertThat(s.eventsAfter(null, 0, 10)).as("the event rolled back").isEmpty();
      assertThat(outbox.pendingCount()).as("the outbox row rolled back").isZero();
      assertThat(sub.poll(0)).as("no subscriber heard of it").isNull();

      crash.set(false);
      long id = hub.publish("usr_1", "bot.started", data, 2, () -> s.updateBot(running));
      assertThat(s.bot("b1")).contains(running);
      assertThat(s.eventsAfter(null, 0, 10)).extracting(Store.Event::id).containsExactly(id);
      assertThat(outbox.due(Long.MAX_VALUE, 10))
          .extracting(Outbox.Row::deliveryId)
          .containsExactly("tk-" + id + "|webhook|" + hook);
      Store.Event heard = sub.poll(0);
      assertThat(heard).isNotNull();
      assertThat(java.util.Objects.requireNonNull(heard).id()).isEqualTo(id);
    }
  }

  @Test
  void aTransactionRunInsideAnotherJoinsIt() {
    Store s = store();
    assertThatThrownBy(
            () ->
                s.inTransaction(
                    outer -> {
                      s.inTransaction(
                          inner -> {
                            s.insertUser(new Store.User("usr_9", "nina", "trader", "h", 1));
                            return "inserted";
                          });
                      throw new IllegalStateException("outer fails after the inner returned");
                    }))
        .hasMessageContaining("outer fails");
    assertThat(s.user("usr_9")).isEmpty();
  }
}
