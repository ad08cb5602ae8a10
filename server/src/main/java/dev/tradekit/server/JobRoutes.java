package dev.tradekit.server;

import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Call;
import dev.tradekit.server.Http.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The backtest routes: submit a backtest or a grid search ({@code POST /api/backtests}), list the
 * caller's jobs, read one with its JSON result, its HTML report, cancel it, and delete it (a
 * running job is cancelled first). A job of another user answers 404; viewers read but do not
 * submit, cancel or delete.
 */
final class JobRoutes {
  /** How long a cancel request waits for a running job to stop before answering 202. */
  static final long CANCEL_WAIT_MILLIS = 5_000;

  private final Api api;
  private final Store store;
  private final BacktestJobs jobs;
  private final @Nullable Path dataFolder;

  JobRoutes(Api api, Store store, BacktestJobs jobs, @Nullable Path dataFolder) {
    this.api = api;
    this.store = store;
    this.jobs = jobs;
    this.dataFolder = dataFolder;
  }

  /** The routes, for {@link Api} to serve. */
  List<Http.Route> routes() {
    List<Http.Route> r = new ArrayList<>();
    r.add(Http.Route.of("POST", "/api/backtests", Access.WRITE, this::submit));
    r.add(Http.Route.of("GET", "/api/backtests", Access.READ, this::list));
    r.add(Http.Route.of("GET", "/api/backtests/{id}", Access.READ, this::get));
    r.add(Http.Route.of("GET", "/api/backtests/{id}/report", Access.READ, this::report));
    r.add(Http.Route.of("POST", "/api/backtests/{id}/cancel", Access.WRITE, this::cancel));
    r.add(Http.Route.of("DELETE", "/api/backtests/{id}", Access.WRITE, this::delete));
    return r;
  }

  private Reply submit(Call c) {
    Map<String, Object> body = Json.readObject(c.body());
    JobSpec spec;
    try {
      spec = JobSpec.parse(body, dataFolder == null ? noFolder(body) : dataFolder);
    } catch (ApiException e) {
      api.audit(c, "backtest.submit", "-", "invalid: " + e.field);
      throw e;
    }
    Store.Job job = jobs.submit(c.who().userId(), spec);
    api.audit(c, "backtest.submit", job.id(), "ok");
    return Reply.json(202, BacktestJobs.json(job));
  }

  /** Without a configured data folder only the synthetic market is offered. */
  private static Path noFolder(Map<String, Object> body) {
    if (body.get("data") instanceof Map<?, ?> d && "file".equals(d.get("source"))) {
      throw ApiException.invalid(
          "data.source",
          "file needs a data folder on the server (ControlPlane.Builder.backtestData); use"
              + " synthetic");
    }
    return Path.of(".");
  }

  private Reply list(Call c) {
    int limit = 100;
    String l = c.query().get("limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 1000) {
        throw ApiException.invalid("limit", "must be an integer from 1 to 1000");
      }
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Store.Job j : store.jobs(api.owner(c), limit)) {
      items.add(BacktestJobs.json(j));
    }
    return Reply.ok(Map.of("items", items));
  }

  private Store.Job owned(Call c) {
    return store
        .job(c.param("id"))
        .filter(j -> api.visible(c, j.owner()))
        .orElseThrow(() -> ApiException.notFound("backtest " + c.param("id")));
  }

  private Reply get(Call c) {
    Store.Job j = owned(c);
    String head = Json.write(BacktestJobs.json(j));
    String result = store.jobResult(j.id()).orElse("null").trim();
    return Reply.rawJson(200, head.substring(0, head.length() - 1) + ",\"result\":" + result + "}");
  }

  private Reply report(Call c) {
    Store.Job j = owned(c);
    return store
        .jobReport(j.id())
        .map(html -> Reply.text("text/html", html))
        .orElseThrow(
            () ->
                ApiException.conflict(
                    "job-not-done",
                    "backtest " + j.id() + " is " + j.state() + ": its report exists once done"));
  }

  private Reply cancel(Call c) {
    Store.Job j = owned(c);
    Store.Job after;
    try {
      after = jobs.cancel(j, CANCEL_WAIT_MILLIS);
    } catch (ApiException e) {
      api.audit(c, "backtest.cancel", j.id(), "refused: " + j.state());
      throw e;
    }
    api.audit(c, "backtest.cancel", j.id(), after.state());
    return Reply.json(after.state().equals("cancelled") ? 200 : 202, BacktestJobs.json(after));
  }

  private Reply delete(Call c) {
    Store.Job j = owned(c);
    try {
      jobs.delete(j, CANCEL_WAIT_MILLIS);
    } catch (ApiException e) {
      api.audit(c, "backtest.delete", j.id(), "refused: still stopping");
      throw e;
    }
    api.audit(c, "backtest.delete", j.id(), "ok (was " + j.state() + ")");
    return Reply.noContent();
  }
}
