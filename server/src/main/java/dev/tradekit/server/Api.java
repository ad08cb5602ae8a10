package dev.tradekit.server;

import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Call;
import dev.tradekit.server.Http.Reply;
import dev.tradekit.server.Http.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's routes and what they do: setup, sign-in, users, the key vault, bot definitions, the
 * audit log and the event stream. Ownership is enforced here: a resource of another user answers
 * 404 (ids do not leak), unless the caller is an admin.
 */
final class Api {
  private static final Logger LOG = LoggerFactory.getLogger(Api.class);
  static final List<String> ROLES = List.of("admin", "trader", "viewer");
  static final String ACCESS_COOKIE = "tk_access";
  static final String REFRESH_COOKIE = "tk_refresh";
  static final String CSRF_COOKIE = "tk_csrf";

  private final Store store;
  private final Vault vault;
  private final Tokens tokens;
  private final Throttle throttle;
  private final EventHub events;
  private final Clock clock;
  private final Duration refreshLife;
  private final boolean secureCookies;
  private final AtomicReference<@Nullable String> setupToken;
  private final Bots bots;
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
    this.vault = vault;
    this.tokens = tokens;
    this.throttle = throttle;
    this.events = events;
    this.clock = clock;
    this.refreshLife = refreshLife;
    this.secureCookies = secureCookies;
    this.setupToken = new AtomicReference<>(setupToken);
    this.bots = bots;
    route("GET", "/api/health", Access.OPEN, this::health);
    route("GET", "/api/openapi.yaml", Access.OPEN, c -> openApi());
    route("POST", "/api/setup", Access.OPEN, this::setup);
    route("POST", "/api/auth/login", Access.OPEN, this::login);
    route("POST", "/api/auth/refresh", Access.OPEN, this::refresh);
    route("POST", "/api/auth/logout", Access.OPEN, this::logout);
    route("GET", "/api/me", Access.READ, this::me);
    route("GET", "/api/users", Access.ADMIN, this::listUsers);
    route("POST", "/api/users", Access.ADMIN, this::createUser);
    route("DELETE", "/api/users/{id}/sessions", Access.ADMIN, this::revokeSessions);
    route("GET", "/api/keys", Access.READ, this::listKeys);
    route("POST", "/api/keys", Access.WRITE, this::createKey);
    route("GET", "/api/keys/{id}", Access.READ, this::getKey);
    route("DELETE", "/api/keys/{id}", Access.WRITE, this::deleteKey);
    route("GET", "/api/bots", Access.READ, this::listBots);
    route("POST", "/api/bots", Access.WRITE, this::createBot);
    route("GET", "/api/bots/{id}", Access.READ, this::getBot);
    route("PATCH", "/api/bots/{id}", Access.WRITE, this::updateBot);
    route("DELETE", "/api/bots/{id}", Access.WRITE, this::deleteBot);
    route("GET", "/api/audit", Access.READ, this::audit);
    route("GET", "/api/events", Access.READ, this::events);
    // running bots: start/stop, views, followers (BotRoutes)
    routes.addAll(new BotRoutes(this, store, bots).routes());
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

  private void audit(
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

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private String cookie(
      String name, String value, String path, long maxAgeSeconds, boolean httpOnly) {
    return name
        + "="
        + value
        + "; Path="
        + path
        + "; Max-Age="
        + maxAgeSeconds
        + "; SameSite=Strict"
        + (httpOnly ? "; HttpOnly" : "")
        + (secureCookies ? "; Secure" : "");
  }

  private @Nullable String owner(Call c) {
    return c.admin() ? null : c.who().userId();
  }

  private boolean visible(Call c, String owner) {
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

  private Reply setup(Call c) {
    Fields f = Fields.of(Json.readObject(c.body())).only("token", "username", "password");
    String token = f.string("token", 200);
    String name = username(f);
    String password = password(f);
    synchronized (this) {
      String expected = setupToken.get();
      if (expected == null || store.countUsers() > 0) {
        throw ApiException.conflict("setup-done", "the admin account already exists");
      }
      if (!MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
        audit("-", name, "setup", "admin", c.address(), "denied: wrong setup token");
        throw ApiException.forbidden("the setup token is not valid");
      }
      Store.User u =
          new Store.User(Ids.next("usr"), name, "admin", Passwords.hash(password), clock.millis());
      store.insertUser(u);
      setupToken.set(null);
      audit(u.id(), u.name(), "setup", "admin " + u.name(), c.address(), "ok");
      LOG.info("control plane: the admin account {} was created; setup is closed", u.name());
      return Reply.json(201, userJson(u));
    }
  }

  private static String username(Fields f) {
    String name = f.string("username", 64);
    if (!name.matches("[A-Za-z0-9_.@-]{3,64}")) {
      throw ApiException.invalid(f.path("username"), "must be 3 to 64 letters, digits or _ . @ -");
    }
    return name;
  }

  private static String password(Fields f) {
    String pw = f.string("password", 1024);
    if (pw.length() < Passwords.MIN_LENGTH) {
      throw ApiException.invalid(
          f.path("password"), "must be at least " + Passwords.MIN_LENGTH + " characters");
    }
    return pw;
  }

  private Reply login(Call c) {
    Fields f = Fields.of(Json.readObject(c.body())).only("username", "password");
    String name = f.string("username", 64);
    String password = f.string("password", 1024);
    long now = clock.millis();
    throttle.check(name, c.address(), now);
    var user = store.userByName(name);
    boolean ok;
    if (user.isPresent()) {
      ok = Passwords.matches(password, user.get().passwordHash());
    } else {
      // same cost as a real check, so response time does not tell which names exist
      boolean unused = Passwords.matches(password, Passwords.DUMMY);
      ok = false;
    }
    if (!ok) {
      throttle.fail(name, c.address(), now);
      audit("-", name, "login", "user " + name, c.address(), "denied: bad credentials");
      throw ApiException.unauthorized("the user name or password is wrong");
    }
    throttle.succeed(name);
    Store.User u = user.get();
    audit(u.id(), u.name(), "login", "user " + u.name(), c.address(), "ok");
    return session(u, Ids.next("fam"));
  }

  private Reply session(Store.User u, String family) {
    String csrf = Ids.token(18);
    String access = tokens.issue(u, csrf);
    String refresh = Ids.token(32);
    long now = clock.millis();
    store.insertRefresh(
        new Store.RefreshToken(
            sha256(refresh), family, u.id(), now + refreshLife.toMillis(), false, false));
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("tokenType", "Bearer");
    b.put("accessToken", access);
    b.put("expiresIn", tokens.life().toSeconds());
    b.put("refreshToken", refresh);
    b.put("csrfToken", csrf);
    b.put("user", userJson(u));
    return Reply.ok(b)
        .cookie(cookie(ACCESS_COOKIE, access, "/api", tokens.life().toSeconds(), true))
        .cookie(cookie(REFRESH_COOKIE, refresh, "/api/auth", refreshLife.toSeconds(), true))
        .cookie(cookie(CSRF_COOKIE, csrf, "/", refreshLife.toSeconds(), false));
  }

  private String refreshTokenOf(Call c) {
    String body = c.body().isBlank() ? "{}" : c.body();
    Fields f = Fields.of(Json.readObject(body)).only("refreshToken");
    String token = f.optString("refreshToken", 200);
    if (token == null) {
      token = c.cookies().get(REFRESH_COOKIE);
    }
    if (token == null) {
      throw ApiException.invalid(
          "refreshToken", "must be given in the body or the tk_refresh cookie");
    }
    return token;
  }

  private Reply refresh(Call c) {
    String token = refreshTokenOf(c);
    String hash = sha256(token);
    Store.RefreshToken t =
        store.refresh(hash).orElseThrow(() -> ApiException.unauthorized("unknown refresh token"));
    Store.User u =
        store.user(t.userId()).orElseThrow(() -> ApiException.unauthorized("unknown user"));
    if (t.revoked()) {
      throw ApiException.unauthorized("the refresh token was revoked");
    }
    if (t.expiresAt() <= clock.millis()) {
      throw ApiException.unauthorized("the refresh token has expired");
    }
    if (!store.spendRefresh(hash)) {
      store.revokeFamily(t.family());
      audit(
          u.id(),
          u.name(),
          "refresh-reuse",
          "session " + t.family(),
          c.address(),
          "revoked: a spent refresh token was presented again");
      LOG.warn(
          "control plane: a spent refresh token of {} was reused; its session is revoked",
          u.name());
      throw ApiException.unauthorized(
          "the refresh token was already used; the session is revoked, sign in again");
    }
    return session(u, t.family());
  }

  private Reply logout(Call c) {
    String token = refreshTokenOf(c);
    store
        .refresh(sha256(token))
        .ifPresent(
            t -> {
              store.revokeFamily(t.family());
              String name = store.user(t.userId()).map(Store.User::name).orElse("-");
              audit(t.userId(), name, "logout", "session " + t.family(), c.address(), "ok");
            });
    return Reply.noContent()
        .cookie(cookie(ACCESS_COOKIE, "", "/api", 0, true))
        .cookie(cookie(REFRESH_COOKIE, "", "/api/auth", 0, true))
        .cookie(cookie(CSRF_COOKIE, "", "/", 0, false));
  }

  // ---- users

  private static Map<String, Object> userJson(Store.User u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("username", u.name());
    m.put("role", u.role());
    m.put("createdAt", u.createdAt());
    return m;
  }

  private Reply me(Call c) {
    Store.User u =
        store.user(c.who().userId()).orElseThrow(() -> ApiException.unauthorized("unknown user"));
    return Reply.ok(userJson(u));
  }

  private Reply listUsers(Call c) {
    return Reply.ok(Map.of("items", store.users().stream().map(Api::userJson).toList()));
  }

  private Reply createUser(Call c) {
    Fields f = Fields.of(Json.readObject(c.body())).only("username", "password", "role");
    String name = username(f);
    String password = password(f);
    String role = f.oneOf("role", ROLES.toArray(String[]::new));
    if (store.userByName(name).isPresent()) {
      throw ApiException.conflict("user-exists", "username: " + name + " is taken");
    }
    Store.User u =
        new Store.User(Ids.next("usr"), name, role, Passwords.hash(password), clock.millis());
    store.insertUser(u);
    audit(c, "user.create", "user " + name + " (" + role + ")", "ok");
    return Reply.json(201, userJson(u));
  }

  private Reply revokeSessions(Call c) {
    Store.User u =
        store.user(c.param("id")).orElseThrow(() -> ApiException.notFound("user " + c.param("id")));
    store.revokeUserTokens(u.id());
    audit(c, "user.revoke-sessions", "user " + u.name(), "ok");
    return Reply.noContent();
  }

  // ---- keys

  private static Map<String, Object> keyJson(Store.KeyRecord k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id());
    m.put("owner", k.owner());
    m.put("exchange", k.exchange());
    m.put("account", k.account());
    m.put("fingerprint", k.fingerprint());
    m.put("createdAt", k.createdAt());
    return m;
  }

  private Store.KeyRecord ownedKey(Call c) {
    return store
        .key(c.param("id"))
        .filter(k -> visible(c, k.owner()) && BotSpecs.PROVIDERS.contains(k.exchange()))
        .orElseThrow(() -> ApiException.notFound("key " + c.param("id")));
  }

  private Reply listKeys(Call c) {
    return Reply.ok(
        Map.of(
            "items",
            store.keys(owner(c)).stream()
                .filter(k -> BotSpecs.PROVIDERS.contains(k.exchange()))
                .map(Api::keyJson)
                .toList()));
  }

  private Reply getKey(Call c) {
    return Reply.ok(keyJson(ownedKey(c)));
  }

  private Reply createKey(Call c) {
    Fields f =
        Fields.of(Json.readObject(c.body())).only("exchange", "account", "apiKey", "apiSecret");
    String exchange = f.oneOf("exchange", BotSpecs.PROVIDERS.toArray(String[]::new));
    String account = f.string("account", 200);
    String apiKey = f.string("apiKey", 512);
    String apiSecret = f.string("apiSecret", 512);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("apiKey", apiKey);
    fields.put("apiSecret", apiSecret);
    String owner = c.who().userId();
    Store.KeyRecord k =
        vault.seal(Ids.next("key"), owner, exchange, account, fields, clock.millis());
    audit(c, "key.create", "key " + k.id() + " " + exchange + " " + account, "ok");
    events.publish(owner, "key.created", keyJson(k), clock.millis());
    return Reply.json(201, keyJson(k));
  }

  private Reply deleteKey(Call c) {
    Store.KeyRecord k = ownedKey(c);
    for (Store.Bot b : store.bots(k.owner())) {
      if (usesKey(b, k.id())) {
        throw ApiException.conflict("key-in-use", "key " + k.id() + " is used by bot " + b.id());
      }
    }
    store.deleteKey(k.id());
    audit(c, "key.delete", "key " + k.id(), "ok");
    events.publish(k.owner(), "key.deleted", Map.of("id", k.id()), clock.millis());
    return Reply.noContent();
  }

  private static boolean usesKey(Store.Bot b, String keyId) {
    Map<String, Object> def = Json.readObject(b.configJson());
    if (keyId.equals(def.get("keyId"))) {
      return true;
    }
    return Json.write(def.get("config")).contains("\"" + keyId + "\"");
  }

  // ---- bots

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

  private Reply listBots(Call c) {
    return Reply.ok(Map.of("items", store.bots(owner(c)).stream().map(Api::botJson).toList()));
  }

  private Reply getBot(Call c) {
    return Reply.ok(botJson(ownedBot(c)));
  }

  private String ownedKeyId(Fields f, String owner) {
    String keyId = f.string("keyId", 64);
    if (store.key(keyId).filter(k -> k.owner().equals(owner)).isEmpty()) {
      throw ApiException.invalid(f.path("keyId"), "must name one of your vault keys");
    }
    return keyId;
  }

  private Reply createBot(Call c) {
    Fields f =
        Fields.of(Json.readObject(c.body())).only("name", "kind", "provider", "keyId", "config");
    String owner = c.who().userId();
    String name = f.string("name", 100);
    String kind = f.oneOf("kind", BotSpecs.KINDS.toArray(String[]::new));
    String provider = f.oneOf("provider", BotSpecs.PROVIDERS.toArray(String[]::new));
    String keyId = ownedKeyId(f, owner);
    Map<String, Object> config =
        BotSpecs.validate(
            kind,
            f.object("config"),
            id -> store.key(id).filter(k -> k.owner().equals(owner)).isPresent());
    Map<String, Object> def = new LinkedHashMap<>();
    def.put("provider", provider);
    def.put("keyId", keyId);
    def.put("config", config);
    long now = clock.millis();
    Store.Bot b =
        new Store.Bot(Ids.next("bot"), owner, kind, name, Json.write(def), "stopped", now, now);
    store.insertBot(b);
    audit(c, "bot.create", "bot " + b.id() + " " + kind + " " + name, "ok");
    events.publish(owner, "bot.created", botJson(b), now);
    return Reply.json(201, botJson(b));
  }

  private Reply updateBot(Call c) {
    Store.Bot b = ownedBot(c);
    Fields f = Fields.of(Json.readObject(c.body())).only("name", "keyId", "config");
    Map<String, Object> def = Json.readObject(b.configJson());
    String name = f.has("name") ? f.string("name", 100) : b.name();
    if (f.has("keyId")) {
      def.put("keyId", ownedKeyId(f, b.owner()));
    }
    if (f.has("config")) {
      def.put(
          "config",
          BotSpecs.validate(
              b.kind(),
              f.object("config"),
              id -> store.key(id).filter(k -> k.owner().equals(b.owner())).isPresent()));
    }
    Map<String, Object> before = Json.readObject(b.configJson());
    try {
      bots.apply(b, before, def);
    } catch (ApiException e) {
      audit(c, "bot.update", "bot " + b.id(), "refused: " + e.type);
      throw e;
    }
    long now = clock.millis();
    Store.Bot current = store.bot(b.id()).orElse(b);
    Store.Bot updated =
        new Store.Bot(
            b.id(),
            b.owner(),
            b.kind(),
            name,
            Json.write(def),
            current.state(),
            b.createdAt(),
            now);
    store.updateBot(updated);
    audit(c, "bot.update", "bot " + b.id(), "ok");
    events.publish(b.owner(), "bot.updated", botJson(updated), now);
    return Reply.ok(botJson(updated));
  }

  private Reply deleteBot(Call c) {
    Store.Bot b = ownedBot(c);
    if (bots.run(b.id()) != null) {
      throw ApiException.conflict("bot-running", "bot " + b.id() + " runs; stop it first");
    }
    store.deleteBot(b.id());
    audit(c, "bot.delete", "bot " + b.id(), "ok");
    events.publish(b.owner(), "bot.deleted", Map.of("id", b.id()), clock.millis());
    return Reply.noContent();
  }

  // ---- audit and events

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
    for (Store.AuditEntry e : store.audit(owner(c), limit)) {
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
    String owner = owner(c);
    EventHub.Subscriber s = events.subscribe(owner);
    List<Store.Event> replay = after > 0 ? events.replay(owner, after) : List.of();
    return Reply.events(s, replay);
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
