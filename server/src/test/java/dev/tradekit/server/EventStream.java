package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** A test client of the event stream: frames arrive on a queue, read by a daemon thread. */
final class EventStream {
  private EventStream() {}

  record Frame(long id, String type, String data) {}

  /** Opens a stream; frames arrive on the returned queue. */
  static BlockingQueue<Frame> open(
      ServerFixture f, String token, @Nullable String lastId, List<InputStream> open)
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

  /** The first frame of each of {@code types}, in whatever order they come, within 30 s. */
  static java.util.Map<String, Frame> first(BlockingQueue<Frame> q, String... types)
      throws InterruptedException {
    java.util.Map<String, Frame> seen = new java.util.LinkedHashMap<>();
    java.util.Set<String> wanted = java.util.Set.of(types);
    long end = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < end && !seen.keySet().containsAll(wanted)) {
      Frame f = q.poll(1, TimeUnit.SECONDS);
      if (f != null && wanted.contains(f.type())) {
        seen.putIfAbsent(f.type(), f);
      }
    }
    assertThat(seen.keySet()).as("events within 30 s").containsAll(wanted);
    return seen;
  }

  /** The next frame of {@code type} within 30 s, skipping others. */
  static Frame next(BlockingQueue<Frame> q, String type) throws InterruptedException {
    long end = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < end) {
      Frame f = q.poll(1, TimeUnit.SECONDS);
      if (f != null && f.type().equals(type)) {
        return f;
      }
    }
    throw new AssertionError("no " + type + " event within 30 s");
  }
}
