package dev.tradekit.api;

import dev.tradekit.api.runtime.Scheduler;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The one entry point to the exchange SPI: finds a provider by id with {@link ServiceLoader} and
 * builds an {@link Exchange}.
 *
 * <pre>{@code
 * Exchange binance = Exchanges.builder("binance-usdm")
 *     .credentials(Credentials.of(System.getenv("BINANCE_API_KEY"), System.getenv("BINANCE_SECRET")))
 *     .environment(Environment.TESTNET)
 *     .build();
 * }</pre>
 */
public final class Exchanges {
  private Exchanges() {}

  /**
   * Starts building an exchange of the venue with the given provider id ({@code binance-usdm},
   * {@code sim}, …).
   */
  public static Builder builder(String venue) {
    return new Builder(venue);
  }

  /** The ids of every provider visible to the given class loader, sorted. */
  public static List<String> providerIds(ClassLoader classLoader) {
    List<String> ids = new ArrayList<>();
    for (ExchangeProvider p : ServiceLoader.load(ExchangeProvider.class, classLoader)) {
      ids.add(p.id());
    }
    ids.sort(null);
    return ids;
  }

  /** The ids of every provider visible to this class's class loader, sorted. */
  public static List<String> providerIds() {
    return providerIds(Exchanges.class.getClassLoader());
  }

  /**
   * Builds an {@link Exchange}. Defaults: no credentials (public data only), {@link
   * Environment#TESTNET} (mainnet must be chosen explicitly), the venue's own base URLs, the
   * provider's own scheduler, no options, no extensions, this class's class loader.
   */
  public static final class Builder {
    private final String venue;
    private @Nullable Credentials credentials;
    private Environment environment = Environment.TESTNET;
    private @Nullable URI restBaseUrl;
    private @Nullable URI wsBaseUrl;
    private @Nullable Scheduler scheduler;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<Class<?>, Object> extensions = new LinkedHashMap<>();
    private ClassLoader classLoader = Exchanges.class.getClassLoader();

    private Builder(String venue) {
      Objects.requireNonNull(venue, "venue");
      if (venue.isBlank()) {
        throw new IllegalArgumentException(
            "venue is blank: pass a provider id such as \"binance-usdm\" or \"sim\"");
      }
      this.venue = venue.trim().toLowerCase(Locale.ROOT);
    }

    /** The account's API key and secret; omit for public market data only. */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Mainnet or testnet (default {@link Environment#TESTNET}). */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** Overrides the REST base URL: {@code https}, or {@code http} on a loopback host only. */
    public Builder restBaseUrl(String url) {
      this.restBaseUrl = checkedUrl("restBaseUrl", url, "https", "http");
      return this;
    }

    /** Overrides the WebSocket base URL: {@code wss}, or {@code ws} on a loopback host only. */
    public Builder wsBaseUrl(String url) {
      this.wsBaseUrl = checkedUrl("wsBaseUrl", url, "wss", "ws");
      return this;
    }

    /** The scheduler for the exchange's own timers (keep-alives, re-syncs, simulated latency). */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** A provider-specific option; see the provider's documentation for the keys. */
    public Builder option(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (key.isBlank()) {
        throw new IllegalArgumentException("option key is blank");
      }
      options.put(key, value);
      return this;
    }

    /** Injects an object for the provider by type, e.g. a shared {@code OkHttpClient}. */
    public <T> Builder extension(Class<T> type, T value) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
      extensions.put(type, type.cast(value));
      return this;
    }

    /** The class loader in which to look for providers (default: this library's). */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * Finds the provider and builds the exchange.
     *
     * @throws IllegalArgumentException when no provider has this id (the message lists the ids
     *     found)
     */
    public Exchange build() {
      List<String> found = new ArrayList<>();
      for (ExchangeProvider provider : ServiceLoader.load(ExchangeProvider.class, classLoader)) {
        if (provider.id().equals(venue)) {
          return provider.create(
              new ExchangeConfig(
                  venue,
                  credentials,
                  environment,
                  restBaseUrl,
                  wsBaseUrl,
                  scheduler,
                  options,
                  extensions));
        }
        found.add(provider.id());
      }
      found.sort(null);
      throw new IllegalArgumentException(
          "No exchange provider with id \""
              + venue
              + "\". Providers found: "
              + (found.isEmpty() ? "none" : String.join(", ", found))
              + ". Add the provider's artifact (e.g. tradekit-binance-adapter) to the classpath"
              + " or check the spelling.");
    }

    private static URI checkedUrl(String name, String url, String secure, String plain) {
      Objects.requireNonNull(url, name);
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(name + " is not a valid URL: " + e.getMessage(), e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost();
      if (host == null) {
        throw new IllegalArgumentException(name + " has no host: " + url);
      }
      if (scheme.equals(secure)) {
        return uri;
      }
      if (scheme.equals(plain)) {
        if (isLoopback(host)) {
          return uri;
        }
        throw new IllegalArgumentException(
            name
                + " uses "
                + plain
                + "://, which is allowed only for loopback hosts (localhost, 127.0.0.1, [::1]);"
                + " use "
                + secure
                + ":// for "
                + host);
      }
      throw new IllegalArgumentException(
          name + " must use " + secure + ":// (or " + plain + ":// on loopback), was: " + url);
    }

    private static boolean isLoopback(String host) {
      String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      if (h.equalsIgnoreCase("localhost")) {
        return true;
      }
      if (!h.isEmpty() && (Character.digit(h.charAt(0), 16) >= 0 || h.contains(":"))) {
        try {
          // Literal addresses only: getByName does not resolve names that are IP literals.
          return isLiteral(h) && InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
          return false;
        }
      }
      return false;
    }

    private static boolean isLiteral(String h) {
      for (int i = 0; i < h.length(); i++) {
        char c = h.charAt(i);
        if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
          return false;
        }
      }
      return true;
    }
  }
}
