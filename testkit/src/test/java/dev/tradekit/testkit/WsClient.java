package dev.tradekit.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A WebSocket test client that collects text frames and notices the end of the connection. */
final class WsClient implements WebSocket.Listener {
  final List<String> frames = new CopyOnWriteArrayList<>();
  final CompletableFuture<String> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  final WebSocket socket;

  WsClient(String url) throws Exception {
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(url), this)
            .get(5, TimeUnit.SECONDS);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(partial.toString());
      partial.setLength(0);
    }
    ws.request(1);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    closed.complete("close " + statusCode);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    closed.complete("error " + error);
  }

  /** Waits up to {@code millis} until {@code n} frames arrived; returns whether they did. */
  boolean awaitFrames(int n, long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (frames.size() < n && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    return frames.size() >= n;
  }
}
