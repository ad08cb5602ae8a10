package dev.tradekit.server;

import dev.tradekit.api.Credentials;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.LiveScheduler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What a {@link BotRun} gets from the control plane: the bot's identity, its own scheduler, venue
 * accounts opened from vault keys, where journals live, and the sink its events go to.
 */
final class BotContext {
  final String botId;
  final String owner;
  final String provider;
  final LiveScheduler scheduler;
  final Path journalDir;
  private final ControlPlane.ExchangeFactory factory;
  private final Vault vault;
  private final BiConsumer<String, Map<String, Object>> sink;
  private final List<Exchange> opened = new ArrayList<>();

  BotContext(
      String botId,
      String owner,
      String provider,
      LiveScheduler scheduler,
      Path journalDir,
      ControlPlane.ExchangeFactory factory,
      Vault vault,
      BiConsumer<String, Map<String, Object>> sink) {
    this.botId = botId;
    this.owner = owner;
    this.provider = provider;
    this.scheduler = scheduler;
    this.journalDir = journalDir;
    this.factory = factory;
    this.vault = vault;
    this.sink = sink;
  }

  /**
   * The engine name: the bot id's letters and digits, at most 12 (the market maker prefixes its
   * client order ids with it, so it stays the same across restarts and takes its orders over).
   */
  String engineName() {
    return engineName(botId);
  }

  /** The engine name of a bot id (see {@link #engineName()}). */
  static String engineName(String botId) {
    String letters = botId.substring(botId.indexOf('_') + 1).replaceAll("[^A-Za-z0-9]", "");
    return "tk" + letters.substring(0, Math.min(10, letters.length()));
  }

  /** Opens the venue account of the owner's vault key {@code keyId}; closed with the bot. */
  synchronized Exchange open(String keyId) {
    Map<String, String> secret = vault.secret(owner, keyId);
    Credentials credentials =
        Credentials.of(
            java.util.Objects.requireNonNull(secret.get("apiKey"), "apiKey"),
            java.util.Objects.requireNonNull(secret.get("apiSecret"), "apiSecret"));
    Exchange ex = factory.open(provider, credentials);
    opened.add(ex);
    return ex;
  }

  /** Publishes a live event of this bot ({@code bot} is added to its data). */
  void event(String type, Map<String, Object> data) {
    sink.accept(type, data);
  }

  /** Closes every account opened and the scheduler; quietly, as the bot is gone. */
  synchronized void close() {
    for (Exchange ex : opened) {
      try {
        ex.close();
      } catch (RuntimeException e) {
        // the venue connection is being dropped anyway
      }
    }
    opened.clear();
    scheduler.close();
  }
}
