package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live event stream: ids, per-user visibility, Last-Event-ID replay, slow clients dropped. */
class EventsIT {
  @TempDir Path dir;
  private @Nullable ServerFixture fixture;
  private final List<InputStream> open = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (InputStream in : open) {
      in.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  record Frame(long id, String type, String data) {}

  /** Opens a stream; frames arrive on the returned queue. */
  private BlockingQueue<Frame> subscribe(ServerFixture f, String token, @Nullable String lastId)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(f.base + "/api/events"))
            .header("Authorization", "Bearer " + token);
    if (lastId != null) {
      b.header("Last-Event-ID", lastId);
    }
    HttpResponse<InputStream> r = f.http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
    InputStream in = r.body();
    open.add(in);
    BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                long id = 0;
                String type = "";
                String line;
                while ((line = reader.readLine()) != null) {
                  if (line.startsWith("retry: ")) {
                    opened.countDown();
                  } else if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                  } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                  } else if (line.startsWith("data: ")) {
                    frames.add(new Frame(id, type, line.substring(6)));
                  }
                }
              } catch (java.io.IOException e) {
                // the stream ended
              }
            },
            "sse-reader");
    t.setDaemon(true);
    t.start();
    // the server registers the subscriber before it writes the stream's first line
    assertThat(opened.await(30, TimeUnit.SECONDS)).as("the stream opened within 30 s").isTrue();
    return frames;
  }

  private static Frame next(BlockingQueue<Frame> q) throws InterruptedException {
    Frame f = q.poll(30, TimeUnit.SECONDS);
    assertThat(f).as("an event within 30 s").isNotNull();
    return java.util.Objects.requireNonNull(f);
  }

  @Test
  void streamsAUsersOwnEventsWithIdsAndReplaysWhatAReconnectingClientMissed() throws Exception {
    ServerFixture f =
        new ServerFixture(ServerFixture.builder(dir, ServerFixture.key(1)).build().start());
    fixture = f;
    String admin = f.setupAdmin();
    String alice = f.user(admin, "alice", "trader");
    String bob = f.user(admin, "bob", "trader");
    BlockingQueue<Frame> aliceStream = subscribe(f, alice, null);
    String key = f.key(alice, "AK", "alice-secret-value");
    f.key(bob, "BK", "bob-secret-value");
    Frame created = next(aliceStream);
    assertThat(created.type()).isEqualTo("key.created");
    assertThat(created.data()).contains(key);
    String bot = f.bot(alice, key);
    Frame botCreated = next(aliceStream);
    assertThat(botCreated.type()).isEqualTo("bot.created");
    assertThat(botCreated.id()).isGreaterThan(created.id());
    assertThat(aliceStream.poll(200, TimeUnit.MILLISECONDS))
        .as("bob's key is not alice's")
        .isNull();

    // alice disconnects; two things happen; she reconnects from her last id
    for (InputStream in : open) {
      in.close();
    }
    open.clear();
    f.send("PATCH", "/api/bots/" + bot, "{\"name\":\"renamed\"}", alice);
    f.send("DELETE", "/api/bots/" + bot, null, alice);
    BlockingQueue<Frame> again = subscribe(f, alice, Long.toString(botCreated.id()));
    Frame updated = next(again);
    Frame deleted = next(again);
    assertThat(updated.type()).isEqualTo("bot.updated");
    assertThat(updated.data()).contains("renamed");
    assertThat(deleted.type()).isEqualTo("bot.deleted");
    assertThat(deleted.id()).isGreaterThan(updated.id());
  }

  @Test
  void dropsASubscriberThatFallsBehindInsteadOfBufferingForIt() {
    try (Store store = Stores.sqlite(dir.resolve("hub.db")).open();
        EventHub hub = new EventHub(store, 1_000, 4)) {
      EventHub.Subscriber slow = hub.subscribe("usr_1");
      EventHub.Subscriber other = hub.subscribe("usr_2");
      boolean[] closed = {false};
      slow.onDrop = () -> closed[0] = true;
      for (int i = 0; i < 5; i++) {
        hub.publish("usr_1", "tick", Map.of("n", i), i);
      }
      assertThat(slow.dropped).isTrue();
      assertThat(closed[0]).isTrue();
      assertThat(slow.queue).hasSize(4);
      assertThat(other.dropped).isFalse();
      assertThat(hub.subscriberCount()).isEqualTo(1);
      assertThat(hub.droppedSubscribers()).isEqualTo(1);
      assertThat(hub.replay("usr_1", 0)).hasSize(5);
    }
  }

  @Test
  void keepsOnlyTheRetainedNumberOfEvents() {
    try (Store store = Stores.sqlite(dir.resolve("retention.db")).open();
        EventHub hub = new EventHub(store, 100, 4)) {
      for (int i = 0; i < 300; i++) {
        hub.publish("usr_1", "tick", Map.of("n", i), i);
      }
      List<Store.Event> kept = hub.replay("usr_1", 0);
      assertThat(kept).hasSizeLessThanOrEqualTo(100);
      assertThat(kept.get(kept.size() - 1).dataJson()).contains("299");
    }
  }
}
