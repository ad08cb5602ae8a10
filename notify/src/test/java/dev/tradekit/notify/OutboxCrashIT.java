package dev.tradekit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.runtime.VirtualScheduler;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the delivery worker (a separate JVM, {@code SIGKILL}) at random points while 1,000 events
 * are produced, and once more while it drains them; after the last restart every event arrives at
 * least once and a receiver that deduplicates by event id sees each exactly once. Runs on a SQLite
 * file and, when {@code tradekit.postgres.url} names a server, on PostgreSQL.
 */
class OutboxCrashIT {
  private static final int EVENTS = 1_000;
  private static final String SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("crash-test-secret-0123456789abcd".getBytes());
  private static final Pattern EVENT_ID = Pattern.compile("\"id\":\"(ev-\\d+)\"");

  @TempDir Path dir;

  static PreferenceStore preferences(String url) {
    return PreferenceStore.of(List.of(Preference.of("alice", "webhook", url)));
  }

  /** A receiver that verifies signatures, counts every event copy and keeps distinct ids. */
  static final class Receiver extends Dispatcher {
    final Set<String> distinct = ConcurrentHashMap.newKeySet();
    final AtomicInteger copies = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();
    private final WebhookVerifier verifier =
        new WebhookVerifier(SECRET, Duration.ofMinutes(5), System::currentTimeMillis);
    private final Random random = new Random(11);

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      byte[] body = request.getBody().readByteArray();
      if (!verifier.isValid(
          request.getHeader("webhook-id"),
          request.getHeader("webhook-timestamp"),
          request.getHeader("webhook-signature"),
          body)) {
        badSignatures.incrementAndGet();
        return new MockResponse().setResponseCode(401);
      }
      synchronized (random) {
        if (random.nextInt(100) < 3) {
          return new MockResponse().setResponseCode(503); // the receiver hiccups now and then
        }
      }
      Matcher m = EVENT_ID.matcher(new String(body, StandardCharsets.UTF_8));
      while (m.find()) {
        copies.incrementAndGet();
        distinct.add(m.group(1));
      }
      return new MockResponse().setResponseCode(200);
    }
  }

  private final List<Process> started = new java.util.concurrent.CopyOnWriteArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void killLeftoverWorkers() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Process startWorker(String db, String url) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            OutboxWorkerMain.class.getName(),
            db,
            url,
            SECRET);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("worker.log").toFile()));
    Process p = pb.start();
    started.add(p);
    return p;
  }

  @Test
  void killedWorkerRestartsAndEveryEventArrivesExactlyOnceAfterDedup() throws Exception {
    Path db = dir.resolve("outbox.db");
    crashTest(SqliteFiles.dataSource(db), db.toString());
  }

  @Test
  void killedWorkerRestartsAndEveryEventArrivesExactlyOnceAfterDedupOnPostgres() throws Exception {
    Assumptions.assumeTrue(PostgresSchemas.available(), PostgresSchemas.SKIP);
    try (PostgresSchemas schemas = new PostgresSchemas()) {
      String url = schemas.create();
      crashTest(PostgresSchemas.dataSource(url), url);
    }
  }

  private void crashTest(DataSource ds, String db) throws Exception {
    JdbcOutbox outbox = JdbcOutbox.create(ds);
    Receiver receiver = new Receiver();
    Random random = new Random(42);
    int kills = 0;
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(receiver);
      server.start();
      String url = server.url("/hook").toString();
      // the producer only enqueues, in its own transactions; it never delivers
      Notifier producer =
          Notifier.builder()
              .scheduler(new VirtualScheduler(Instant.parse("2026-01-05T12:00:00Z").toEpochMilli()))
              .outbox(outbox)
              .preferences(preferences(url))
              .coalesceWindow(Duration.ZERO)
              .build();
      Process worker = startWorker(db, url);
      int nextKill = 50 + random.nextInt(200);
      for (int i = 0; i < EVENTS; i++) {
        try (Connection c = ds.getConnection()) {
          c.setAutoCommit(false);
          producer.enqueue(
              c,
              NotifyEvent.builder(
                      i % 3 == 0 ? EventKind.ORDER_FILLED : EventKind.ORDER_PLACED, "alice")
                  .id("ev-" + i)
                  .bot("bot-" + (i % 4))
                  .occurredAt(Instant.EPOCH.plusMillis(i))
                  .build());
          c.commit();
        }
        if (i == nextKill) {
          worker.destroyForcibly();
          assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
          kills++;
          worker = startWorker(db, url);
          nextKill = i + 50 + random.nextInt(200);
        }
      }
      // one more kill at a random moment of the drain, then let the last worker finish
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      int killAt = 200 + random.nextInt(400);
      while (receiver.distinct.size() < killAt && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(5); // polling a condition, not waiting for time to pass
      }
      worker.destroyForcibly();
      assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
      kills++;
      worker = startWorker(db, url);
      try {
        while ((outbox.pendingCount() > 0 || receiver.distinct.size() < EVENTS)
            && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(20);
        }
      } finally {
        worker.destroyForcibly();
        worker.waitFor(30, TimeUnit.SECONDS);
      }
    }
    System.out.printf(
        "crash test: %d kills, %d event copies received, %d distinct%n",
        kills, receiver.copies.get(), receiver.distinct.size());
    assertThat(kills).isGreaterThanOrEqualTo(4);
    assertThat(receiver.badSignatures.get()).isZero();
    assertThat(outbox.pendingCount()).isZero();
    assertThat(outbox.deadLetters(10)).isEmpty();
    assertThat(receiver.distinct).hasSize(EVENTS);
    for (int i = 0; i < EVENTS; i++) {
      assertThat(receiver.distinct).contains("ev-" + i);
    }
    assertThat(receiver.copies.get()).isGreaterThanOrEqualTo(EVENTS);
    assertThat(new File(dir.toFile(), "worker.log")).exists();
  }
}
