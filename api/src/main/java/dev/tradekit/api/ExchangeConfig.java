package dev.tradekit.api;

import dev.tradekit.api.runtime.Scheduler;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a provider needs to build an exchange, as assembled and validated by {@link
 * Exchanges#builder(String)}.
 *
 * <pre>{@code
 * public Exchange create(ExchangeConfig config) {
 *   URI rest = config.restBaseUrl().orElse(config.environment() == Environment.MAINNET ? MAINNET : TESTNET);
 *   OkHttpClient http = config.extension(OkHttpClient.class).orElseGet(OkHttpClient::new);
 * }
 * }</pre>
 */
public final class ExchangeConfig {
  private final String venue;
  private final @Nullable Credentials credentials;
  private final Environment environment;
  private final @Nullable URI restBaseUrl;
  private final @Nullable URI wsBaseUrl;
  private final @Nullable Scheduler scheduler;
  private final Map<String, String> options;
  private final Map<Class<?>, Object> extensions;

  ExchangeConfig(
      String venue,
      @Nullable Credentials credentials,
      Environment environment,
      @Nullable URI restBaseUrl,
      @Nullable URI wsBaseUrl,
      @Nullable Scheduler scheduler,
      Map<String, String> options,
      Map<Class<?>, Object> extensions) {
    this.venue = venue;
    this.credentials = credentials;
    this.environment = environment;
    this.restBaseUrl = restBaseUrl;
    this.wsBaseUrl = wsBaseUrl;
    this.scheduler = scheduler;
    this.options = Map.copyOf(options);
    this.extensions = Map.copyOf(extensions);
  }

  /** The provider id this configuration is for. */
  public String venue() {
    return venue;
  }

  /** The account's credentials; empty for public market data only. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** Mainnet or testnet; ignored where a base URL is given. */
  public Environment environment() {
    return environment;
  }

  /** An explicit REST base URL (https, or http on a loopback host). */
  public Optional<URI> restBaseUrl() {
    return Optional.ofNullable(restBaseUrl);
  }

  /** An explicit WebSocket base URL (wss, or ws on a loopback host). */
  public Optional<URI> wsBaseUrl() {
    return Optional.ofNullable(wsBaseUrl);
  }

  /** The scheduler the exchange uses for its own timers; empty means the provider's default. */
  public Optional<Scheduler> scheduler() {
    return Optional.ofNullable(scheduler);
  }

  /** A provider-specific option, e.g. {@code recvWindow}; empty when not set. */
  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /** All provider-specific options. */
  public Map<String, String> options() {
    return options;
  }

  /**
   * An object injected for the provider, looked up by type, e.g. a shared {@code OkHttpClient} or a
   * rate limiter shared by every exchange on one IP.
   */
  public <T> Optional<T> extension(Class<T> type) {
    return Optional.ofNullable(extensions.get(type)).map(type::cast);
  }

  /** Never shows credentials. */
  @Override
  public String toString() {
    return "ExchangeConfig[venue="
        + venue
        + ", environment="
        + environment
        + ", credentials="
        + credentials
        + ", restBaseUrl="
        + restBaseUrl
        + ", wsBaseUrl="
        + wsBaseUrl
        + ", options="
        + options.keySet()
        + "]";
  }
}
