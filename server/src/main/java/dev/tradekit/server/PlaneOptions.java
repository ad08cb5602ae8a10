package dev.tradekit.server;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ControlPlane.Builder} was given, taken at {@link ControlPlane.Builder#build()} so
 * that later calls on the builder do not reach a built control plane. Validated by the builder;
 * defaults are documented on its methods.
 *
 * <pre>{@code
 * PlaneOptions o = builder.options(); // inside the package
 * int threads = o.maxThreads();
 * }</pre>
 */
record PlaneOptions(
    String host,
    int port,
    Stores store,
    MasterKey masterKey,
    byte @Nullable [] tokenKey,
    @Nullable Path keyStore,
    char @Nullable [] keyStorePassword,
    List<String> corsOrigins,
    int maxRequestBytes,
    Duration accessTokenLife,
    Duration refreshTokenLife,
    int loginFailuresPerUser,
    int loginFailuresPerAddress,
    Duration loginWindow,
    int eventRetention,
    int subscriberQueue,
    int maxThreads,
    Duration idleTimeout,
    Clock clock,
    ControlPlane.ExchangeFactory exchanges,
    @Nullable Path journals,
    boolean resumeBots,
    String telegramApi,
    @Nullable String telegramToken,
    @Nullable Map<String, String> smtp,
    Duration notifyRetryDelay,
    int backtestThreads,
    int backtestQueue,
    Duration backtestProgressEvery,
    int backtestRetention,
    @Nullable Path backtestData,
    @Nullable MeterRegistry meterRegistry,
    int metricsPort,
    Duration equityEvery,
    int equityRetention) {

  /** The base URL for {@code port}, e.g. {@code http://127.0.0.1:8080}. */
  String url(int boundPort) {
    String scheme = keyStore != null ? "https" : "http";
    String h = host.contains(":") ? "[" + host + "]" : host;
    return scheme + "://" + h + ":" + boundPort;
  }
}
