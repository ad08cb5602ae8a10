package dev.tradekit.binance;

import dev.tradekit.api.runtime.Scheduler;
import java.net.URI;
import okhttp3.OkHttpClient;

/** What the WebSocket side is given by the exchange. */
record StreamsContext(
    OkHttpClient http,
    URI wsBaseUrl,
    StreamRestCalls rest,
    Scheduler scheduler,
    BinanceJson json,
    boolean legacyPaths,
    boolean authenticated) {}
