package dev.tradekit.server;

import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Call;
import dev.tradekit.server.Http.Reply;
import dev.tradekit.server.Http.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The API's route table and what its route classes share: health and the OpenAPI document here;
 * sign-in and users in {@link AuthRoutes}, the key vault in {@link KeyRoutes}, bot definitions in
 * {@link BotDefinitionRoutes}, running bots in {@link BotRoutes}, the audit log and the event
 * stream in {@link AuditRoutes}. Ownership is enforced here ({@link #ownedBot}, {@link #visible}):
 * a resource of another user answers 404 (ids do not leak), unless the caller is an admin.
 */
final class Api {
  static final List<String> ROLES = List.of("admin", "trader", "viewer");
  static final String ACCESS_COOKIE = "tk_access";
  static final String REFRESH_COOKIE = "tk_refresh";
  static final String CSRF_COOKIE = "tk_csrf";

  private final Store store;
  private final Tokens tokens;
  private final EventHub events;
  private final Clock clock;
  private final AtomicReference<@Nullable String> setupToken;
  private final SignInLinks links;
  private final List<Route> routes = new ArrayList<>();

  Api(
      Store store,
      Vault vault,
      Tokens tokens,
      Throttle throttle,
      EventHub events,
      Clock clock,
      Duration refreshLife,
      boolean secureCookies,
      @Nullable String setupToken,
      Bots bots) {
    this.store = store;
    this.tokens = tokens;
    this.events = events;
    this.clock = clock;
    this.setupToken = new AtomicReference<>(setupToken);
    this.links = new SignInLinks(clock);
    route("GET", "/api/health", Access.OPEN, this::health);
    route("GET", "/api/openapi.yaml", Access.OPEN, c -> openApi());
    routes.addAll(
        new AuthRoutes(
                this,
                store,
                tokens,
                throttle,
                clock,
                refreshLife,
                secureCookies,
                this.setupToken,
                links)
            .routes());
    routes.addAll(new KeyRoutes(this, store, vault, events, clock).routes());
    routes.addAll(new BotDefinitionRoutes(this, store, events, clock, bots).routes());
    routes.addAll(new AuditRoutes(this, store, events).routes());
    // running bots: start/stop, views, followers (BotRoutes)
    routes.addAll(new BotRoutes(this, store, bots).routes());
    routes.addAll(new OrderRoutes(this, bots).routes());
  }

  private void route(String method, String template, Access access, Http.Handler handler) {
    routes.add(Route.of(method, template, access, handler));
  }

  /** Serves more routes (a feature kept in its own class, e.g. notifications). */
  void addRoutes(List<Route> more) {
    routes.addAll(more);
  }

  List<Route> routes() {
    return routes;
  }

  @Nullable String setupToken() {
    return setupToken.get();
  }

  /** Closes first-run setup (a host created the first user itself). */
  void closeSetup() {
    setupToken.set(null);
  }

  SignInLinks links() {
    return links;
  }

  // ---- helpers

  long now() {
    return clock.millis();
  }

  void audit(Call c, String action, String target, String outcome) {
    Tokens.Principal p = c.principal();
    audit(
        p == null ? "-" : p.userId(),
        p == null ? "-" : p.name(),
        action,
        target,
        c.address(),
        outcome);
  }

  void audit(
      String userId,
      String userName,
      String action,
      String target,
      String address,
      String outcome) {
    store.appendAudit(
        new Store.AuditEntry(
            0, clock.millis(), userId, userName, action, target, address, outcome));
  }

  @Nullable String owner(Call c) {
    return c.admin() ? null : c.who().userId();
  }

  boolean visible(Call c, String owner) {
    return c.admin() || owner.equals(c.who().userId());
  }

  // ---- open routes

  private Reply health(Call c) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("status", "ok");
    b.put("setupRequired", store.countUsers() == 0);
    return Reply.ok(b);
  }

  private static Reply openApi() {
    try (InputStream in = Api.class.getResourceAsStream("openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the jar");
      }
      return Reply.text("application/yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read openapi.yaml", e);
    }
  }

  // ---- bots (shared by the route classes)

  static Map<String, Object> botJson(Store.Bot b) {
    Map<String, Object> def = Json.readObject(b.configJson());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", b.id());
    m.put("owner", b.owner());
    m.put("name", b.name());
    m.put("kind", b.kind());
    m.put("provider", def.get("provider"));
    m.put("keyId", def.get("keyId"));
    m.put("config", def.get("config"));
    m.put("state", b.state());
    m.put("createdAt", b.createdAt());
    m.put("updatedAt", b.updatedAt());
    return m;
  }

  Store.Bot ownedBot(Call c) {
    return store
        .bot(c.param("id"))
        .filter(b -> visible(c, b.owner()))
        .orElseThrow(() -> ApiException.notFound("bot " + c.param("id")));
  }

  Tokens tokens() {
    return tokens;
  }

  boolean userExists(String id) {
    return store.user(id).isPresent();
  }

  EventHub hub() {
    return Objects.requireNonNull(events);
  }
}
