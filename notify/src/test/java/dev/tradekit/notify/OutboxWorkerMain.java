package dev.tradekit.notify;

import dev.tradekit.api.runtime.LiveScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;

/**
 * The delivery worker of {@link OutboxCrashIT}, run in its own JVM so that the test can kill it at
 * any point: args are the SQLite file (or a {@code jdbc:postgresql:} URL), the webhook URL and the
 * {@code whsec_} secret.
 */
public final class OutboxWorkerMain {
  private OutboxWorkerMain() {}

  public static void main(String[] args) throws InterruptedException {
    DataSource db =
        args[0].startsWith("jdbc:postgresql:")
            ? PostgresSchemas.dataSource(args[0])
            : SqliteFiles.dataSource(Path.of(args[0]));
    String url = args[1];
    String secret = args[2];
    LiveScheduler scheduler = LiveScheduler.create("worker-clock");
    Notifier notifier =
        Notifier.builder()
            .scheduler(scheduler)
            .outbox(JdbcOutbox.create(db))
            .preferences(OutboxCrashIT.preferences(url))
            .channel(
                WebhookChannel.builder()
                    .scheduler(scheduler)
                    .secrets(SecretSource.of(Map.of("webhook.alice", secret)))
                    .build())
            .coalesceWindow(Duration.ofMillis(20))
            .pollInterval(Duration.ofMillis(20))
            .backoffBase(Duration.ofMillis(50))
            .backoffMax(Duration.ofMillis(500))
            .maxAttempts(1_000)
            .batchSize(200)
            .build();
    notifier.start();
    System.out.println("worker started");
    new CountDownLatch(1).await(); // runs until killed
  }
}
