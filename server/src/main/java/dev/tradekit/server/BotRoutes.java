package dev.tradekit.server;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Position;
import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Call;
import dev.tradekit.server.Http.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The routes that run bots: start, stop, emergency-stop; status, open orders, positions, PnL and
 * history; a copier's followers. Ownership is {@link Api}'s (another user's bot answers 404); the
 * viewer role reads but never acts (403). Every action is audited.
 */
final class BotRoutes {
  private final Api api;
  private final Store store;
  private final Bots bots;

  BotRoutes(Api api, Store store, Bots bots) {
    this.api = api;
    this.store = store;
    this.bots = bots;
  }

  /** The routes, for {@link Api} to serve. */
  List<Http.Route> routes() {
    List<Http.Route> r = new ArrayList<>();
    String bot = "/api/bots/{id}";
    r.add(Http.Route.of("POST", bot + "/start", Access.WRITE, this::start));
    r.add(Http.Route.of("POST", bot + "/stop", Access.WRITE, this::stop));
    r.add(Http.Route.of("POST", bot + "/emergency-stop", Access.WRITE, this::emergencyStop));
    r.add(Http.Route.of("POST", bot + "/pause", Access.WRITE, c -> pauseBot(c, true)));
    r.add(Http.Route.of("POST", bot + "/resume", Access.WRITE, c -> pauseBot(c, false)));
    r.add(Http.Route.of("GET", bot + "/status", Access.READ, this::status));
    r.add(Http.Route.of("GET", bot + "/orders", Access.READ, this::orders));
    r.add(Http.Route.of("GET", bot + "/positions", Access.READ, this::positions));
    r.add(Http.Route.of("GET", bot + "/pnl", Access.READ, this::pnl));
    r.add(Http.Route.of("GET", bot + "/history", Access.READ, this::history));
    r.add(Http.Route.of("GET", bot + "/followers", Access.READ, this::followers));
    r.add(Http.Route.of("POST", bot + "/followers", Access.WRITE, this::addFollower));
    r.add(Http.Route.of("POST", bot + "/followers/{follower}/pause", Access.WRITE, this::pause));
    r.add(Http.Route.of("POST", bot + "/followers/{follower}/resume", Access.WRITE, this::resume));
    r.add(Http.Route.of("DELETE", bot + "/followers/{follower}", Access.WRITE, this::remove));
    return r;
  }

  private <T> T audited(Call c, String action, Store.Bot b, java.util.function.Supplier<T> work) {
    try {
      T result = work.get();
      api.audit(c, action, "bot " + b.id(), "ok");
      return result;
    } catch (ApiException e) {
      api.audit(c, action, "bot " + b.id(), "refused: " + e.type);
      throw e;
    } catch (RuntimeException e) {
      api.audit(c, action, "bot " + b.id(), "failed");
      throw e;
    }
  }

  private Reply start(Call c) {
    Store.Bot b = api.ownedBot(c);
    return Reply.ok(Api.botJson(audited(c, "bot.start", b, () -> bots.start(b))));
  }

  private Reply stop(Call c) {
    Store.Bot b = api.ownedBot(c);
    String why = "stopped by " + c.who().name();
    return Reply.ok(Api.botJson(audited(c, "bot.stop", b, () -> bots.stop(b, false, false, why))));
  }

  private Reply emergencyStop(Call c) {
    Store.Bot b = api.ownedBot(c);
    boolean flatten = false;
    if (!c.body().isBlank()) {
      Fields f = Fields.of(Json.readObject(c.body())).only("flatten");
      flatten = f.has("flatten") && f.bool("flatten");
    }
    boolean flat = flatten;
    String why = "emergency stop by " + c.who().name() + (flat ? " (flatten)" : "");
    return Reply.ok(
        Api.botJson(audited(c, "bot.emergency-stop", b, () -> bots.stop(b, true, flat, why))));
  }

  private Reply pauseBot(Call c, boolean pause) {
    Store.Bot b = api.ownedBot(c);
    String why = (pause ? "paused by " : "resumed by ") + c.who().name();
    String action = pause ? "bot.pause" : "bot.resume";
    return Reply.ok(Api.botJson(audited(c, action, b, () -> bots.pause(b, pause, why))));
  }

  private BotRun running(Store.Bot b) {
    BotRun run = bots.run(b.id());
    if (run == null) {
      throw ApiException.conflict(
          "bot-not-running", "bot " + b.id() + " is " + b.state() + "; start it first");
    }
    return run;
  }

  private Reply status(Call c) {
    Store.Bot b = api.ownedBot(c);
    BotRun run = bots.run(b.id());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", b.id());
    m.put("kind", b.kind());
    m.put("state", b.state());
    m.put("lastError", bots.lastError(b.id()));
    long started = bots.startedAt(b.id());
    m.put("startedAt", started == 0 ? null : started);
    m.put("serverTime", bots.now());
    m.put("engine", run == null ? null : run.status());
    return Reply.ok(m);
  }

  private Reply orders(Call c) {
    Store.Bot b = api.ownedBot(c);
    return Reply.ok(Map.of("items", running(b).openOrders()));
  }

  private Reply positions(Call c) {
    Store.Bot b = api.ownedBot(c);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map.Entry<String, Exchange> a : running(b).accounts().entrySet()) {
      for (Position p : Venue.get(a.getValue().account().positions())) {
        if (!p.isFlat()) {
          items.add(EngineJson.position(a.getKey(), p));
        }
      }
    }
    return Reply.ok(Map.of("items", items));
  }

  private Reply pnl(Call c) {
    Store.Bot b = api.ownedBot(c);
    return Reply.ok(bots.pnl(b, running(b)));
  }

  private Reply history(Call c) {
    Store.Bot b = api.ownedBot(c);
    int offset = intParam(c, "offset", 0, 0, 1_000_000);
    int limit = intParam(c, "limit", 100, 1, 1000);
    Map<String, String> filter = new LinkedHashMap<>();
    for (String k : List.of("symbol", "side", "follower")) {
      String v = c.query().get(k);
      if (v != null && !v.isBlank()) {
        filter.put(k, v);
      }
    }
    List<Map<String, Object>> items = bots.history(b, offset, limit, filter);
    if (c.wantsCsv()) {
      List<String> columns =
          switch (b.kind()) {
            case "copier" -> Csv.COPY_COLUMNS;
            case "scanner" -> List.of();
            default -> Csv.FILL_COLUMNS;
          };
      return Reply.text(Csv.MEDIA_TYPE, Csv.of(columns, items));
    }
    return Reply.ok(Map.of("items", items));
  }

  private static int intParam(Call c, String name, int dflt, int min, int max) {
    String v = c.query().get(name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid(name, "must be an integer from " + min + " to " + max);
  }

  // ---- copier followers

  private Store.Bot copier(Call c) {
    Store.Bot b = api.ownedBot(c);
    if (!b.kind().equals("copier")) {
      throw ApiException.conflict("not-a-copier", "bot " + b.id() + " is a " + b.kind());
    }
    return b;
  }

  private static Map<String, Object> definition(Store.Bot b) {
    return Json.readObject(b.configJson());
  }

  private static List<Map<String, Object>> followersOf(Map<String, Object> def) {
    return CopierRun.followers(Json.objectAt(def, "config"));
  }

  private Reply followers(Call c) {
    Store.Bot b = copier(c);
    BotRun run = bots.run(b.id());
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> f : followersOf(definition(b))) {
      Map<String, Object> m = new LinkedHashMap<>(f);
      Map<String, Object> live =
          run instanceof CopierRun cr ? cr.followerStats(String.valueOf(f.get("keyId"))) : null;
      m.put("stats", live);
      items.add(m);
    }
    return Reply.ok(Map.of("items", items));
  }

  /** Stores a changed follower list after the running copier took it (if it runs). */
  private Reply change(Call c, Store.Bot b, String action, List<Map<String, Object>> followers) {
    if (followers.isEmpty() || followers.size() > 50) {
      throw ApiException.invalid("config.followers", "must be a list of 1 to 50 JSON objects");
    }
    Map<String, Object> before = definition(b);
    Map<String, Object> after = definition(b);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("followers", followers);
    after.put("config", config);
    Store.Bot updated =
        audited(
            c,
            action,
            b,
            () -> {
              bots.apply(b, before, after);
              Store.Bot now = store.bot(b.id()).orElse(b);
              Store.Bot u =
                  new Store.Bot(
                      now.id(),
                      now.owner(),
                      now.kind(),
                      now.name(),
                      Json.write(after),
                      now.state(),
                      now.createdAt(),
                      api.now());
              store.updateBot(u);
              return u;
            });
    bots.publish(updated, "bot.updated", Api.botJson(updated));
    return Reply.ok(Api.botJson(updated));
  }

  private Reply addFollower(Call c) {
    Store.Bot b = copier(c);
    Predicate<String> owns =
        id -> store.key(id).filter(k -> k.owner().equals(b.owner())).isPresent();
    Map<String, Object> f = BotSpecs.follower(Fields.of(Json.readObject(c.body())), owns);
    List<Map<String, Object>> list = new ArrayList<>(followersOf(definition(b)));
    if (list.stream().anyMatch(o -> String.valueOf(o.get("keyId")).equals(f.get("keyId")))) {
      throw ApiException.conflict("follower-exists", "follower " + f.get("keyId") + " exists");
    }
    list.add(f);
    return change(c, b, "bot.follower.add", list);
  }

  private List<Map<String, Object>> withFollower(Store.Bot b, String name) {
    List<Map<String, Object>> list = new ArrayList<>();
    boolean found = false;
    for (Map<String, Object> f : followersOf(definition(b))) {
      list.add(new LinkedHashMap<>(f));
      found |= name.equals(f.get("keyId"));
    }
    if (!found) {
      throw ApiException.notFound("follower " + name);
    }
    return list;
  }

  private Reply paused(Call c, boolean paused) {
    Store.Bot b = copier(c);
    String name = c.param("follower");
    List<Map<String, Object>> list = withFollower(b, name);
    list.stream().filter(f -> name.equals(f.get("keyId"))).forEach(f -> f.put("paused", paused));
    return change(c, b, paused ? "bot.follower.pause" : "bot.follower.resume", list);
  }

  private Reply pause(Call c) {
    return paused(c, true);
  }

  private Reply resume(Call c) {
    return paused(c, false);
  }

  private Reply remove(Call c) {
    Store.Bot b = copier(c);
    String name = c.param("follower");
    List<Map<String, Object>> list = withFollower(b, name);
    list.removeIf(f -> name.equals(f.get("keyId")));
    return change(c, b, "bot.follower.remove", list);
  }
}
