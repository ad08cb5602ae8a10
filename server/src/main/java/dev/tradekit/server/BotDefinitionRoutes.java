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
 * The routes of bot definitions: create (validated per kind), list, read, update (applied live to a
 * running engine, or refused with {@code restart-required}) and delete (only when stopped).
 */
final class BotDefinitionRoutes {
  private final Api api;
  private final Store store;
  private final EventHub events;
  private final Clock clock;
  private final Bots bots;

  BotDefinitionRoutes(Api api, Store store, EventHub events, Clock clock, Bots bots) {
    this.api = api;
    this.store = store;
    this.events = events;
    this.clock = clock;
    this.bots = bots;
  }

  /** The routes, for {@link Api} to serve. */
  List<Http.Route> routes() {
    List<Http.Route> r = new ArrayList<>();
    r.add(Http.Route.of("GET", "/api/bots", Access.READ, this::listBots));
    r.add(Http.Route.of("POST", "/api/bots", Access.WRITE, this::createBot));
    r.add(Http.Route.of("GET", "/api/bots/{id}", Access.READ, this::getBot));
    r.add(Http.Route.of("PATCH", "/api/bots/{id}", Access.WRITE, this::updateBot));
    r.add(Http.Route.of("DELETE", "/api/bots/{id}", Access.WRITE, this::deleteBot));
    return r;
  }

  private Reply listBots(Call c) {
    return Reply.ok(Map.of("items", store.bots(api.owner(c)).stream().map(Api::botJson).toList()));
  }

  private Reply getBot(Call c) {
    return Reply.ok(Api.botJson(api.ownedBot(c)));
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
    events.publish(owner, "bot.created", Api.botJson(b), now, () -> store.insertBot(b));
    api.audit(c, "bot.create", "bot " + b.id() + " " + kind + " " + name, "ok");
    return Reply.json(201, Api.botJson(b));
  }

  private Reply updateBot(Call c) {
    Store.Bot b = api.ownedBot(c);
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
      api.audit(c, "bot.update", "bot " + b.id(), "refused: " + e.type);
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
    events.publish(
        b.owner(), "bot.updated", Api.botJson(updated), now, () -> store.updateBot(updated));
    api.audit(c, "bot.update", "bot " + b.id(), "ok");
    return Reply.ok(Api.botJson(updated));
  }

  private Reply deleteBot(Call c) {
    Store.Bot b = api.ownedBot(c);
    if (bots.run(b.id()) != null) {
      throw ApiException.conflict("bot-running", "bot " + b.id() + " runs; stop it first");
    }
    events.publish(
        b.owner(),
        "bot.deleted",
        Map.of("id", b.id()),
        clock.millis(),
        () -> store.deleteBot(b.id()));
    bots.deleted(b.id());
    api.audit(c, "bot.delete", "bot " + b.id(), "ok");
    return Reply.noContent();
  }
}
