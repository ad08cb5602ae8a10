package dev.tradekit.server;

import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Call;
import dev.tradekit.server.Http.Reply;
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
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of accounts and sessions: first-run setup, sign-in, refresh (rotating, reuse revokes
 * the family), sign-out, the caller's own account and the admin's user management.
 */
final class AuthRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

  private final Api api;
  private final Store store;
  private final Tokens tokens;
  private final Throttle throttle;
  private final Clock clock;
  private final Duration refreshLife;
  private final boolean secureCookies;
  private final AtomicReference<@Nullable String> setupToken;
  private final SignInLinks links;

  AuthRoutes(
      Api api,
      Store store,
      Tokens tokens,
      Throttle throttle,
      Clock clock,
      Duration refreshLife,
      boolean secureCookies,
      AtomicReference<@Nullable String> setupToken,
      SignInLinks links) {
    this.api = api;
    this.store = store;
    this.tokens = tokens;
    this.throttle = throttle;
    this.clock = clock;
    this.refreshLife = refreshLife;
    this.secureCookies = secureCookies;
    this.setupToken = setupToken;
    this.links = links;
  }

  /** The routes, for {@link Api} to serve. */
  List<Http.Route> routes() {
    List<Http.Route> r = new ArrayList<>();
    r.add(Http.Route.of("POST", "/api/setup", Access.OPEN, this::setup));
    r.add(Http.Route.of("POST", "/api/auth/login", Access.OPEN, this::login));
    r.add(Http.Route.of("POST", "/api/auth/link", Access.OPEN, this::link));
    r.add(Http.Route.of("POST", "/api/auth/refresh", Access.OPEN, this::refresh));
    r.add(Http.Route.of("POST", "/api/auth/logout", Access.OPEN, this::logout));
    r.add(Http.Route.of("GET", "/api/me", Access.READ, this::me));
    r.add(Http.Route.of("GET", "/api/users", Access.ADMIN, this::listUsers));
    r.add(Http.Route.of("POST", "/api/users", Access.ADMIN, this::createUser));
    r.add(Http.Route.of("DELETE", "/api/users/{id}/sessions", Access.ADMIN, this::revokeSessions));
    return r;
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
        api.audit("-", name, "setup", "admin", c.address(), "denied: wrong setup token");
        throw ApiException.forbidden("the setup token is not valid");
      }
      Store.User u =
          new Store.User(Ids.next("usr"), name, "admin", Passwords.hash(password), clock.millis());
      store.insertUser(u);
      setupToken.set(null);
      api.audit(u.id(), u.name(), "setup", "admin " + u.name(), c.address(), "ok");
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
      api.audit("-", name, "login", "user " + name, c.address(), "denied: bad credentials");
      throw ApiException.unauthorized("the user name or password is wrong");
    }
    throttle.succeed(name);
    Store.User u = user.get();
    api.audit(u.id(), u.name(), "login", "user " + u.name(), c.address(), "ok");
    return session(u, Ids.next("fam"));
  }

  /**
   * Signs in with a one-time link's token ({@link SignInLinks}): spent by this call whatever its
   * outcome; failures count against the caller's address like wrong passwords.
   */
  private Reply link(Call c) {
    Fields f = Fields.of(Json.readObject(c.body())).only("token");
    String token = f.string("token", 200);
    long now = clock.millis();
    throttle.check("-link-" + c.address(), c.address(), now);
    String userId = links.redeem(token);
    Store.User u = userId == null ? null : store.user(userId).orElse(null);
    if (u == null) {
      throttle.fail("-link-" + c.address(), c.address(), now);
      api.audit("-", "-", "login-link", "sign-in link", c.address(), "denied: used or expired");
      throw ApiException.unauthorized(
          "this sign-in link was used already or has expired; ask for a new one or sign in");
    }
    api.audit(u.id(), u.name(), "login-link", "user " + u.name(), c.address(), "ok");
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
        .cookie(cookie(Api.ACCESS_COOKIE, access, "/api", tokens.life().toSeconds(), true))
        .cookie(cookie(Api.REFRESH_COOKIE, refresh, "/api/auth", refreshLife.toSeconds(), true))
        .cookie(cookie(Api.CSRF_COOKIE, csrf, "/", refreshLife.toSeconds(), false));
  }

  private String refreshTokenOf(Call c) {
    String body = c.body().isBlank() ? "{}" : c.body();
    Fields f = Fields.of(Json.readObject(body)).only("refreshToken");
    String token = f.optString("refreshToken", 200);
    if (token == null) {
      token = c.cookies().get(Api.REFRESH_COOKIE);
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
      api.audit(
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
              api.audit(t.userId(), name, "logout", "session " + t.family(), c.address(), "ok");
            });
    return Reply.noContent()
        .cookie(cookie(Api.ACCESS_COOKIE, "", "/api", 0, true))
        .cookie(cookie(Api.REFRESH_COOKIE, "", "/api/auth", 0, true))
        .cookie(cookie(Api.CSRF_COOKIE, "", "/", 0, false));
  }

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
    return Reply.ok(Map.of("items", store.users().stream().map(AuthRoutes::userJson).toList()));
  }

  private Reply createUser(Call c) {
    Fields f = Fields.of(Json.readObject(c.body())).only("username", "password", "role");
    String name = username(f);
    String password = password(f);
    String role = f.oneOf("role", Api.ROLES.toArray(String[]::new));
    if (store.userByName(name).isPresent()) {
      throw ApiException.conflict("user-exists", "username: " + name + " is taken");
    }
    Store.User u =
        new Store.User(Ids.next("usr"), name, role, Passwords.hash(password), clock.millis());
    store.insertUser(u);
    api.audit(c, "user.create", "user " + name + " (" + role + ")", "ok");
    return Reply.json(201, userJson(u));
  }

  private Reply revokeSessions(Call c) {
    Store.User u =
        store.user(c.param("id")).orElseThrow(() -> ApiException.notFound("user " + c.param("id")));
    store.revokeUserTokens(u.id());
    api.audit(c, "user.revoke-sessions", "user " + u.name(), "ok");
    return Reply.noContent();
  }
}
