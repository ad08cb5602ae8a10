package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The live event stream: ids, per-user visibility, Last-Event-ID replay, slow clients dropped. */
class EventsIT extends ServerItSupport {

  private BlockingQueue<EventStream.Frame> subscribe(
      ServerFixture f, String token, @Nullable String lastId) throws Exception {
    return EventStream.open(f, token, lastId, streams);
  }

  private static EventStream.Frame next(BlockingQueue<EventStream.Frame> q)
      throws InterruptedException {
    EventStream.Frame f = q.poll(30, TimeUnit.SECONDS);
    assertThat(f).as("an event within 30 s").isNotNull();
    return java.util.Objects.requireNonNull(f);
  }

  @Test
  void streamsAUsersOwnEventsWithIdsAndReplaysWhatAReconnectingClientMissed() throws Exception {
    ServerFixture f = serve(ServerFixture.builder(dir, ServerFixture.key(1)));
    String admin = f.setupAdmin();
    String alice = f.user(admin, "alice", "trader");
    String bob = f.user(admin, "bob", "trader");
    BlockingQueue<EventStream.Frame> aliceStream = subscribe(f, alice, null);
    String key = f.key(alice, "AK", "alice-secret-value");
    f.key(bob, "BK", "bob-secret-value");
    EventStream.Frame created = next(aliceStream);
    assertThat(created.type()).isEqualTo("key.created");
    assertThat(created.data()).contains(key);
    String bot = f.bot(alice, key);
    EventStream.Frame botCreated = next(aliceStream);
    assertThat(botCreated.type()).isEqualTo("bot.created");
    assertThat(botCreated.id()).isGreaterThan(created.id());
    assertThat(aliceStream.poll(200, TimeUnit.MILLISECONDS))
        .as("bob's key is not alice's")
        .isNull();

    // alice disconnects; two things happen; she reconnects from her last id
    for (InputStream in : streams) {
      in.close();
    }
    streams.clear();
    f.send("PATCH", "/api/bots/" + bot, "{\"name\":\"renamed\"}", alice);
    f.send("DELETE", "/api/bots/" + bot, null, alice);
    BlockingQueue<EventStream.Frame> again = subscribe(f, alice, Long.toString(botCreated.id()));
    EventStream.Frame updated = next(again);
    EventStream.Frame deleted = next(again);
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
