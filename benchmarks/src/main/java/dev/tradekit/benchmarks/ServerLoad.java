package dev.tradekit.benchmarks;

import dev.tradekit.server.ControlPlane;
import dev.tradekit.server.MasterKey;
import dev.tradekit.server.Stores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A bounded load test of the control plane over loopback: {@code clients} threads each make {@code
 * reads} authenticated GETs (bot list, one bot, the caller, the audit log) while {@code
 * subscribers} event streams stay open for {@code seconds}, fed by a writer that renames a bot
 * every 100 ms (one {@code bot.updated} event to every stream). Reports p50/p99/max of the reads,
 * the reads per second, errors (any status but 200, any failed call, any stream that ends early or
 * misses events) and the live heap (used after forced collections) once every stream is open and
 * again at the end of the run, streams still open. Exits 1 on an error.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.tradekit.benchmarks.ServerLoad 50 1000 100 60
 * }</pre>
 */
public final class ServerLoad {
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

  private ServerLoad() {}

  /** Runs it; arguments: clients reads subscribers seconds (defaults 50 1000 100 60). */
  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int reads = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int subscribers = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
    Path dir = Files.createTempDirectory("tradekit-load");
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    try (ControlPlane plane =
        ControlPlane.builder()
            .bind("127.0.0.1", 0)
            .store(Stores.sqlite(dir.resolve("tradekit.db")))
            .vault(MasterKey.ofBytes(key))
            // one thread per open stream, plus the readers
            .maxThreads(subscribers + clients + 50)
            .subscriberQueue(1024)
            .build()
            .start()) {
      int code = run(plane, clients, reads, subscribers, seconds);
      System.exit(code);
    }
  }

  private static int run(ControlPlane plane, int clients, int reads, int subscribers, int seconds)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String base = plane.url();
    String setup = plane.setupToken().orElseThrow();
    String password = "load-password-123";
    call(
        http,
        "POST",
        base + "/api/setup",
        null,
        "{\"token\":\"" + setup + "\",\"username\":\"admin\",\"password\":\"" + password + "\"}");
    String token =
        group(
            TOKEN,
            call(
                http,
                "POST",
                base + "/api/auth/login",
                null,
                "{\"username\":\"admin\",\"password\":\"" + password + "\"}"));
    String keyId =
        group(
            ID,
            call(
                http,
                "POST",
                base + "/api/keys",
                token,
                "{\"exchange\":\"sim\",\"account\":\"load\",\"apiKey\":\"k\",\"apiSecret\":\"s\"}"));
    String bot =
        group(
            ID,
            call(
                http,
                "POST",
                base + "/api/bots",
                token,
                "{\"name\":\"grid\",\"kind\":\"grid\",\"provider\":\"sim\",\"keyId\":\""
                    + keyId
                    + "\",\"config\":{\"symbol\":\"BTCUSDT\",\"lower\":\"90000\",\"upper\":\"100000\","
                    + "\"levels\":10,\"quantity\":\"0.001\"}}"));

    AtomicInteger errors = new AtomicInteger();
    AtomicLong events = new AtomicLong();
    List<InputStream> streams = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    CountDownLatch opened = new CountDownLatch(subscribers);
    long[] perStream = new long[subscribers];
    List<Thread> listeners = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      int n = i;
      Thread t =
          new Thread(
              () -> {
                try {
                  HttpResponse<InputStream> r =
                      http.send(
                          HttpRequest.newBuilder(URI.create(base + "/api/events"))
                              .header("Authorization", "Bearer " + token)
                              .build(),
                          HttpResponse.BodyHandlers.ofInputStream());
                  synchronized (streams) {
                    streams.add(r.body());
                  }
                  opened.countDown();
                  BufferedReader in =
                      new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
                  String line;
                  while ((line = in.readLine()) != null) {
                    if (line.startsWith("event: bot.updated")) {
                      perStream[n]++;
                      events.incrementAndGet();
                    }
                  }
                } catch (IOException e) {
                  // closed at the end of the run
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "sse-" + i);
      t.setDaemon(true);
      t.start();
      listeners.add(t);
    }
    if (!opened.await(60, TimeUnit.SECONDS)) {
      System.out.println("not every event stream opened");
      return 1;
    }
    // the live heap with every stream open, before the load, and again at its end
    long heapBefore = liveHeap();

    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicInteger renames = new AtomicInteger();
    Thread writer =
        new Thread(
            () -> {
              while (System.nanoTime() < end) {
                try {
                  call(
                      http,
                      "PATCH",
                      base + "/api/bots/" + bot,
                      token,
                      "{\"name\":\"grid " + renames.incrementAndGet() + "\"}");
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                } catch (RuntimeException e) {
                  errors.incrementAndGet();
                }
              }
            },
            "writer");
    writer.start();

    String[] paths = {"/api/bots", "/api/bots/" + bot, "/api/me", "/api/audit?limit=20"};
    long[][] latencies = new long[clients][reads];
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int n = c;
      Thread t =
          new Thread(
              () -> {
                for (int i = 0; i < reads; i++) {
                  HttpRequest req =
                      HttpRequest.newBuilder(URI.create(base + paths[(n + i) % paths.length]))
                          .header("Authorization", "Bearer " + token)
                          .build();
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                  } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                  }
                  latencies[n][i] = System.nanoTime() - t0;
                }
              },
              "reader-" + c);
      t.start();
      readers.add(t);
    }
    for (Thread t : readers) {
      t.join();
    }
    double readSeconds = (System.nanoTime() - started) / 1e9;
    writer.join();
    // the last events reach every stream
    Thread.sleep(2000);
    long heapAfter = liveHeap();
    synchronized (streams) {
      for (InputStream in : streams) {
        in.close();
      }
    }
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    int published = renames.get();
    long short_ = Arrays.stream(perStream).filter(n -> n < published).count();
    System.out.printf(
        Locale.ROOT,
        "clients %d x reads %d, %d event streams for %d s%n"
            + "reads: %d in %.1f s = %.0f/s; p50 %.2f ms, p99 %.2f ms, max %.2f ms%n"
            + "events: %d renames -> %d delivered (%d streams missed some)%n"
            + "errors: %d%n"
            + "live heap: before %.1f MiB, after %.1f MiB%n",
        clients,
        reads,
        subscribers,
        seconds,
        all.length,
        readSeconds,
        all.length / readSeconds,
        all[all.length / 2] / 1e6,
        all[(int) (all.length * 0.99)] / 1e6,
        all[all.length - 1] / 1e6,
        published,
        events.get(),
        short_,
        errors.get(),
        heapBefore / 1048576.0,
        heapAfter / 1048576.0);
    return errors.get() == 0 && short_ == 0 ? 0 : 1;
  }

  private static long liveHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static String group(Pattern p, String body) {
    Matcher m = p.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("unexpected answer: " + body);
    }
    return m.group(1);
  }

  private static String call(
      HttpClient http, String method, String url, @Nullable String token, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(
            method + " " + url + " -> " + r.statusCode() + " " + r.body());
      }
      return r.body();
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
