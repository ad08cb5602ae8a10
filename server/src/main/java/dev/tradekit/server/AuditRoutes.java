package dev.tradekit.server;

import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Call;
import dev.tradekit.server.Http.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes that read what happened: the audit log (newest first) and the event stream ({@code
 * text/event-stream}, replaying from {@code Last-Event-ID}).
 */
final class AuditRoutes {
  private final Api api;
  private final Store store;
  private final EventHub events;

  AuditRoutes(Api api, Store store, EventHub events) {
    this.api = api;
    this.store = store;
    this.events = events;
  }

  /** The routes, for {@link Api} to serve. */
  List<Http.Route> routes() {
    List<Http.Route> r = new ArrayList<>();
    r.add(Http.Route.of("GET", "/api/audit", Access.READ, this::audit));
    r.add(Http.Route.of("GET", "/api/events", Access.READ, this::events));
    return r;
  }

  private Reply audit(Call c) {
    int limit = 100;
    String l = c.query().get("limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l);
      } catch (NumberFormatException e) {
        throw ApiException.invalid("limit", "must be an integer from 1 to 1000");
      }
      if (limit < 1 || limit > 1000) {
        throw ApiException.invalid("limit", "must be an integer from 1 to 1000");
      }
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Store.AuditEntry e : store.audit(api.owner(c), limit)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", e.id());
      m.put("at", e.at());
      m.put("userId", e.userId());
      m.put("user", e.userName());
      m.put("action", e.action());
      m.put("target", e.target());
      m.put("address", e.address());
      m.put("outcome", e.outcome());
      items.add(m);
    }
    return Reply.ok(Map.of("items", items));
  }

  private Reply events(Call c) {
    long after = 0;
    String last = c.lastEventId() != null ? c.lastEventId() : c.query().get("lastEventId");
    if (last != null && !last.isBlank()) {
      try {
        after = Long.parseLong(last.trim());
      } catch (NumberFormatException e) {
        throw ApiException.invalid("Last-Event-ID", "must be an event id (an integer)");
      }
    }
    String owner = api.owner(c);
    EventHub.Subscriber s = events.subscribe(owner);
    List<Store.Event> replay = after > 0 ? events.replay(owner, after) : List.of();
    return Reply.events(s, replay);
  }
}
