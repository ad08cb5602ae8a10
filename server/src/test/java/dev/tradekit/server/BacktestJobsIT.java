package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Backtests as jobs over loopback: submit, progress on the event stream, JSON result and HTML
 * report, a grid search, cancelling a long job promptly, a full queue, bad input, ownership, and a
 * restart marking a job cut off as failed.
 */
class BacktestJobsIT extends ServerItSupport {
  /** A synthetic market long enough (30 days) that a job on it is still running when cancelled. */
  static final String LONG =
      "{\"strategy\":\"fixed-spread\",\"data\":{\"source\":\"synthetic\",\"minutes\":43200}}";

  /** Polls the job until {@code done} holds (generous timeout: the CI machine is loaded). */
  static Map<String, Object> awaitJob(
      ServerFixture f, String token, String id, Predicate<Map<String, Object>> done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    Map<String, Object> last = Map.of();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = f.get("/api/backtests/" + id, token);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      last = ServerFixture.json(r);
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("job " + id + " never reached the state awaited; last: " + last);
  }

  static Object at(Map<String, Object> m, String key) {
    return java.util.Objects.requireNonNull(m.get(key), key);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Map<String, Object> m, String key) {
    return (Map<String, Object>) at(m, key);
  }

  static double num(Map<String, Object> m, String key) {
    return ((Number) at(m, key)).doubleValue();
  }

  static String submit(ServerFixture f, String token, String body) {
    HttpResponse<String> r = f.post("/api/backtests", body, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    Map<String, Object> job = ServerFixture.json(r);
    assertThat(job.get("state")).isEqualTo("queued");
    return at(job, "id").toString();
  }

  private static EventStream.Frame next(BlockingQueue<EventStream.Frame> q, String type)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      EventStream.Frame e = q.poll(1, TimeUnit.SECONDS);
      if (e != null && e.type().equals(type)) {
        return e;
      }
    }
    throw new AssertionError("no " + type + " event within 180 s");
  }

  @Test
  @SuppressWarnings("unchecked")
  void runsABacktestWithProgressEventsAJsonResultAndAnHtmlReport() throws Exception {
    ServerFixture f =
        serve(
            ServerFixture.builder(dir, ServerFixture.key(1))
                .backtestProgressEvery(Duration.ofMillis(20)));
    String admin = f.setupAdmin();
    String alice = f.user(admin, "alice", "trader");
    BlockingQueue<EventStream.Frame> events = EventStream.open(f, alice, null, streams);
    String id =
        submit(
            f,
            alice,
            "{\"name\":\"mm wide\",\"strategy\":\"fixed-spread\",\"params\":{\"spread\":0.0004},"
                + "\"data\":{\"source\":\"synthetic\",\"minutes\":240,\"seed\":7}}");

    assertThat(next(events, "backtest.queued").data()).contains(id);
    assertThat(next(events, "backtest.started").data()).contains(id);
    EventStream.Frame progress = next(events, "backtest.progress");
    double first = num(Json.readObject(progress.data()), "progress");
    assertThat(first).isGreaterThan(0).isLessThanOrEqualTo(1);
    EventStream.Frame done = next(events, "backtest.done");
    assertThat(done.id()).isGreaterThan(progress.id());

    Map<String, Object> job = awaitJob(f, alice, id, j -> "done".equals(j.get("state")));
    assertThat(job.get("progress")).isEqualTo(1.0);
    assertThat(job.get("name")).isEqualTo("mm wide");
    Map<String, Object> summary = obj(job, "summary");
    Map<String, Object> result = obj(job, "result");
    assertThat(num(summary, "events")).isPositive().isEqualTo(num(result, "events"));
    assertThat(num(summary, "fills")).isPositive();
    assertThat(summary.get("annualisedReturn")).as("4 hours is too short to annualise").isNull();
    List<Map<String, Object>> accounts = (List<Map<String, Object>>) at(result, "accounts");
    assertThat(accounts).extracting(a -> a.get("name")).containsExactly("mm");
    Map<String, Object> metrics = obj(accounts.get(0), "metrics");
    assertThat(metrics.get("totalReturn")).isEqualTo(summary.get("totalReturn"));
    assertThat(obj(obj(job, "request"), "params"))
        .containsEntry("spread", 0.0004)
        .containsEntry("amount", 0.002);

    HttpResponse<String> report = f.get("/api/backtests/" + id + "/report", alice);
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.headers().firstValue("content-type").orElse("")).startsWith("text/html");
    assertThat(report.headers().firstValue("content-security-policy").orElse(""))
        .contains("default-src 'none'")
        .doesNotContain("script-src");
    assertThat(report.body())
        .contains("<html")
        .contains("Backtest report")
        .doesNotContain("<script");

    List<Map<String, Object>> list = ServerFixture.items(f.get("/api/backtests", alice));
    assertThat(list).extracting(j -> j.get("id")).containsExactly(id);
    assertThat(list.get(0).get("state")).isEqualTo("done");
    List<Map<String, Object>> audit = ServerFixture.items(f.get("/api/audit", alice));
    assertThat(audit)
        .anySatisfy(
            e -> {
              assertThat(e.get("action")).isEqualTo("backtest.submit");
              assertThat(e.get("target")).isEqualTo(id);
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void runsAGridSearchRankedByTheMetricWithTheBestRunsReport() {
    ServerFixture f = serve(ServerFixture.builder(dir, ServerFixture.key(1)));
    String admin = f.setupAdmin();
    String id =
        submit(
            f,
            admin,
            "{\"strategy\":\"fixed-spread\",\"grid\":{\"spread\":[0.0002,0.0006]},"
                + "\"metric\":\"totalReturn\",\"data\":{\"minutes\":60}}");
    Map<String, Object> job = awaitJob(f, admin, id, j -> "done".equals(j.get("state")));
    assertThat(job.get("kind")).isEqualTo("grid");
    Map<String, Object> result = obj(job, "result");
    List<Map<String, Object>> rows = (List<Map<String, Object>>) at(result, "rows");
    assertThat(rows).hasSize(2);
    double best = num(rows.get(0), "score");
    double second = num(rows.get(1), "score");
    assertThat(best).isGreaterThanOrEqualTo(second);
    Map<String, Object> summary = obj(job, "summary");
    assertThat(summary.get("bestParams")).isEqualTo(rows.get(0).get("params"));
    assertThat(num(summary, "totalReturn")).isEqualTo(best);
    assertThat(obj(result, "best").get("accounts")).isNotNull();
    assertThat(f.get("/api/backtests/" + id + "/report", admin).statusCode()).isEqualTo(200);
  }

  @Test
  void runsATa4jBarStrategyAsAJobTradingLikeTheNativeOne() {
    ServerFixture f = serve(ServerFixture.builder(dir, ServerFixture.key(1)));
    String admin = f.setupAdmin();
    String bars =
        ",\"interval\":\"1m\",\"params\":{\"fast\":5,\"slow\":20},"
            + "\"data\":{\"source\":\"synthetic\",\"minutes\":180}}";
    String ta4j = submit(f, admin, "{\"strategy\":\"ta4j-sma-cross\"" + bars);
    String nat = submit(f, admin, "{\"strategy\":\"sma-cross\"" + bars);
    Map<String, Object> viaTa4j = awaitJob(f, admin, ta4j, j -> "done".equals(j.get("state")));
    Map<String, Object> native_ = awaitJob(f, admin, nat, j -> "done".equals(j.get("state")));

    assertThat(obj(viaTa4j, "request").get("strategy")).isEqualTo("ta4j-sma-cross");
    Map<String, Object> summary = obj(viaTa4j, "summary");
    assertThat(num(summary, "roundTrips")).isPositive();
    assertThat(summary.get("roundTrips")).isEqualTo(obj(native_, "summary").get("roundTrips"));
    assertThat(summary.get("totalReturn")).isEqualTo(obj(native_, "summary").get("totalReturn"));
    HttpResponse<String> report = f.get("/api/backtests/" + ta4j + "/report", admin);
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body()).contains("Backtest report");
  }

  @Test
  void cancelsALongJobPromptlyAndAQueuedOneAtOnceAndRefusesAFullQueue() {
    ServerFixture f = serve(ServerFixture.builder(dir, ServerFixture.key(1)).backtestPool(1, 1));
    String admin = f.setupAdmin();
    String running = submit(f, admin, LONG);
    awaitJob(f, admin, running, j -> "running".equals(j.get("state")));
    String queued = submit(f, admin, LONG);

    HttpResponse<String> full = f.post("/api/backtests", LONG, admin);
    assertThat(full.statusCode()).isEqualTo(503);
    assertThat(full.headers().firstValue("content-type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(at(ServerFixture.json(full), "type").toString()).endsWith("/job-queue-full");
    assertThat(full.headers().firstValue("retry-after")).isPresent();

    HttpResponse<String> c1 = f.post("/api/backtests/" + queued + "/cancel", "", admin);
    assertThat(c1.statusCode()).as(c1.body()).isEqualTo(200);
    assertThat(ServerFixture.json(c1).get("state")).isEqualTo("cancelled");

    long t0 = System.nanoTime();
    HttpResponse<String> c2 = f.post("/api/backtests/" + running + "/cancel", "", admin);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertThat(c2.statusCode()).as(c2.body()).isIn(200, 202);
    Map<String, Object> after =
        awaitJob(f, admin, running, j -> "cancelled".equals(j.get("state")));
    assertThat(after.get("finishedAt")).isNotNull();
    assertThat(num(after, "progress")).isLessThan(0.5);
    System.out.println(
        "backtest job cancel answered in " + millis + " ms (" + c2.statusCode() + ")");
    // the worker is free again: a new job runs
    String next = submit(f, admin, "{\"strategy\":\"fixed-spread\",\"data\":{\"minutes\":5}}");
    awaitJob(f, admin, next, j -> "done".equals(j.get("state")));
    HttpResponse<String> again = f.post("/api/backtests/" + next + "/cancel", "", admin);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(ServerFixture.items(f.get("/api/audit", admin)))
        .filteredOn(e -> "backtest.cancel".equals(e.get("action")))
        .hasSize(3);
  }

  @Test
  void refusesBadInputNamingTheFieldAndStoresNoJob() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("secret.csv"), "1,2,3\n");
    ServerFixture f = serve(ServerFixture.builder(dir, ServerFixture.key(1)).backtestData(data));
    String admin = f.setupAdmin();
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("{\"strategy\":\"moon\"}", "strategy");
    cases.put("{\"strategy\":\"fixed-spread\",\"params\":{\"spread\":2}}", "params.spread");
    cases.put("{\"strategy\":\"fixed-spread\",\"params\":{\"spred\":0.1}}", "params.spred");
    cases.put("{\"strategy\":\"fixed-spread\",\"params\":{\"spread\":\"wide\"}}", "params.spread");
    cases.put("{\"strategy\":\"fixed-spread\",\"grid\":{\"levels\":[1,2.5]}}", "grid.levels");
    cases.put("{\"strategy\":\"sma-cross\",\"params\":{\"fast\":300,\"slow\":20}}", "params");
    cases.put("{\"strategy\":\"ta4j-rsi\",\"params\":{\"period\":0}}", "params");
    cases.put("{\"strategy\":\"fixed-spread\",\"metric\":\"sharpe\"}", "metric");
    cases.put("{\"strategy\":\"fixed-spread\",\"data\":{\"minutes\":0}}", "data.minutes");
    cases.put(
        "{\"strategy\":\"fixed-spread\",\"data\":{\"source\":\"file\",\"file\":\"../secret.csv\"}}",
        "data.file");
    cases.put(
        "{\"strategy\":\"fixed-spread\",\"data\":{\"source\":\"file\",\"file\":\""
            + dir.resolve("secret.csv").toAbsolutePath()
            + "\"}}",
        "data.file");
    cases.put(
        "{\"strategy\":\"fixed-spread\",\"data\":{\"source\":\"file\",\"file\":\"none.csv\"}}",
        "data.file");
    cases.put("{\"strategy\":\"fixed-spread\",\"balance\":-5}", "balance");
    cases.put("{\"strategy\":\"fixed-spread\",\"colour\":\"red\"}", "colour");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> r = f.post("/api/backtests", c.getKey(), admin);
      assertThat(r.statusCode()).as(c.getKey() + " -> " + r.body()).isEqualTo(400);
      assertThat(r.headers().firstValue("content-type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(ServerFixture.json(r).get("field")).as(c.getKey()).isEqualTo(c.getValue());
    }
    String big = "[" + "0.001,".repeat(30) + "0.001]";
    HttpResponse<String> tooMany =
        f.post(
            "/api/backtests",
            "{\"strategy\":\"fixed-spread\",\"grid\":{\"spread\":"
                + big
                + ",\"amount\":"
                + big
                + "}}",
            admin);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(ServerFixture.json(tooMany).get("field")).isEqualTo("grid");
    assertThat(f.post("/api/backtests", "{not json", admin).statusCode()).isEqualTo(400);
    assertThat(ServerFixture.items(f.get("/api/backtests", admin))).isEmpty();
  }

  @Test
  void aUserSeesOnlyTheirJobsAndAViewerCannotSubmitOrCancel() {
    ServerFixture f = serve(ServerFixture.builder(dir, ServerFixture.key(1)).backtestPool(1, 4));
    String admin = f.setupAdmin();
    String alice = f.user(admin, "alice", "trader");
    String bob = f.user(admin, "bob", "trader");
    String vera = f.user(admin, "vera", "viewer");
    String id = submit(f, alice, LONG);

    assertThat(f.get("/api/backtests/" + id, bob).statusCode()).isEqualTo(404);
    assertThat(f.get("/api/backtests/" + id + "/report", bob).statusCode()).isEqualTo(404);
    assertThat(f.post("/api/backtests/" + id + "/cancel", "", bob).statusCode()).isEqualTo(404);
    assertThat(ServerFixture.items(f.get("/api/backtests", bob))).isEmpty();
    assertThat(f.get("/api/backtests/" + id, vera).statusCode()).isEqualTo(404);
    assertThat(f.post("/api/backtests", LONG, vera).statusCode()).isEqualTo(403);
    assertThat(f.post("/api/backtests/" + id + "/cancel", "", vera).statusCode()).isEqualTo(403);
    assertThat(ServerFixture.items(f.get("/api/backtests", vera))).isEmpty();
    assertThat(ServerFixture.items(f.get("/api/backtests", admin)))
        .extracting(j -> j.get("id"))
        .containsExactly(id);
    HttpResponse<String> notYet = f.get("/api/backtests/" + id + "/report", alice);
    assertThat(notYet.statusCode()).isEqualTo(409);
    assertThat(f.post("/api/backtests/" + id + "/cancel", "", alice).statusCode()).isIn(200, 202);
    awaitJob(f, alice, id, j -> "cancelled".equals(j.get("state")));
  }

  @Test
  void deletingAJobCancelsItIfRunningAndRemovesItOnlyForItsOwner() {
    ServerFixture f = serve(ServerFixture.builder(dir, ServerFixture.key(1)).backtestPool(1, 4));
    String admin = f.setupAdmin();
    String alice = f.user(admin, "alice", "trader");
    String bob = f.user(admin, "bob", "trader");
    String vera = f.user(admin, "vera", "viewer");
    String running = submit(f, alice, LONG);
    awaitJob(f, alice, running, j -> "running".equals(j.get("state")));

    assertThat(f.send("DELETE", "/api/backtests/" + running, null, bob).statusCode())
        .isEqualTo(404);
    assertThat(f.send("DELETE", "/api/backtests/" + running, null, vera).statusCode())
        .isEqualTo(403);
    assertThat(f.get("/api/backtests/" + running, alice).statusCode()).isEqualTo(200);

    assertThat(f.send("DELETE", "/api/backtests/" + running, null, alice).statusCode())
        .isEqualTo(204);
    assertThat(f.get("/api/backtests/" + running, alice).statusCode()).isEqualTo(404);
    assertThat(ServerFixture.items(f.get("/api/backtests", alice))).isEmpty();
    // the worker is free again: the next job runs to the end
    String next = submit(f, alice, "{\"strategy\":\"fixed-spread\",\"data\":{\"minutes\":5}}");
    awaitJob(f, alice, next, j -> "done".equals(j.get("state")));
    assertThat(f.send("DELETE", "/api/backtests/" + next, null, alice).statusCode()).isEqualTo(204);
    assertThat(f.get("/api/backtests/" + next + "/report", alice).statusCode()).isEqualTo(404);
    assertThat(f.send("DELETE", "/api/backtests/" + next, null, alice).statusCode()).isEqualTo(404);
    assertThat(ServerFixture.items(f.get("/api/audit", alice)))
        .anySatisfy(e -> assertThat(e.get("action")).isEqualTo("backtest.delete"));
  }

  @Test
  void keepsOnlyTheNewestFinishedJobsOfEachUser() {
    ServerFixture f =
        serve(
            ServerFixture.builder(dir, ServerFixture.key(1))
                .backtestPool(1, 4)
                .backtestRetention(2));
    String admin = f.setupAdmin();
    String alice = f.user(admin, "alice", "trader");
    String short_ = "{\"strategy\":\"fixed-spread\",\"data\":{\"minutes\":5}}";
    String adminJob = submit(f, admin, short_);
    awaitJob(f, admin, adminJob, j -> "done".equals(j.get("state")));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = submit(f, alice, short_);
      awaitJob(f, alice, id, j -> "done".equals(j.get("state")));
      ids.add(id);
    }
    // retention runs as the job finishes, right after its state is stored
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (ServerFixture.items(f.get("/api/backtests", alice)).size() > 2
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(ServerFixture.items(f.get("/api/backtests", alice)))
        .extracting(j -> j.get("id"))
        .containsExactly(ids.get(2), ids.get(1));
    assertThat(f.get("/api/backtests/" + ids.get(0), alice).statusCode()).isEqualTo(404);
    assertThat(f.get("/api/backtests/" + adminJob, admin).statusCode()).isEqualTo(200);
  }

  @Test
  void aJobCutOffByAStopIsMarkedFailedOnTheNextStart() {
    ServerFixture f = serve(ServerFixture.builder(dir, ServerFixture.key(1)).backtestPool(1, 2));
    String admin = f.setupAdmin();
    String running = submit(f, admin, LONG);
    awaitJob(f, admin, running, j -> "running".equals(j.get("state")));
    String queued = submit(f, admin, LONG);
    f.close();
    server = null;

    ServerFixture again = serve(ServerFixture.builder(dir, ServerFixture.key(1)));
    String token = at(again.login("admin", ServerFixture.ADMIN_PASSWORD), "accessToken").toString();
    for (String id : List.of(running, queued)) {
      Map<String, Object> job = ServerFixture.json(again.get("/api/backtests/" + id, token));
      assertThat(job.get("state")).as(id).isEqualTo("failed");
      assertThat(at(job, "error").toString()).startsWith("interrupted");
      assertThat(job.get("finishedAt")).isNotNull();
    }
  }
}
