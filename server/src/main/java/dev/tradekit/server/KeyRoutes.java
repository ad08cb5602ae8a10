package dev.tradekit.server;

import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Call;
import dev.tradekit.server.Http.Reply;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of the key vault: store an exchange key (sealed, never returned), list and read its
 * fingerprint and account, delete it when no bot uses it.
 */
final class KeyRoutes {
  private final Api api;
  private final Store store;
  private final Vault vault;
  private final EventHub events;
  private final Clock clock;

  KeyRoutes(Api api, Store store, Vault vault, EventHub events, Clock clock) {
    this.api = api;
    this.store = store;
    this.vault = vault;
    this.events = events;
    this.clock = clock;
  }

  /** The routes, for {@link Api} to serve. */
  List<Http.Route> routes() {
    List<Http.Route> r = new ArrayList<>();
    r.add(Http.Route.of("GET", "/api/keys", Access.READ, this::listKeys));
    r.add(Http.Route.of("POST", "/api/keys", Access.WRITE, this::createKey));
    r.add(Http.Route.of("GET", "/api/keys/{id}", Access.READ, this::getKey));
    r.add(Http.Route.of("DELETE", "/api/keys/{id}", Access.WRITE, this::deleteKey));
    return r;
  }

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
        .filter(k -> api.visible(c, k.owner()) && BotSpecs.PROVIDERS.contains(k.exchange()))
        .orElseThrow(() -> ApiException.notFound("key " + c.param("id")));
  }

  private Reply listKeys(Call c) {
    return Reply.ok(
        Map.of(
            "items",
            store.keys(api.owner(c)).stream()
                .filter(k -> BotSpecs.PROVIDERS.contains(k.exchange()))
                .map(KeyRoutes::keyJson)
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
    api.audit(c, "key.create", "key " + k.id() + " " + exchange + " " + account, "ok");
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
    api.audit(c, "key.delete", "key " + k.id(), "ok");
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
}
