package dev.tradekit.adapter;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A local WebSocket server on MockWebServer for adapter tests: every request is upgraded; sockets
 * are queued.
 *
 * <pre>{@code
 * try (WsTestServer server = new WsTestServer()) {
 *   // point the adapter at server.baseUri(), then
 *   WsTestServer.Socket socket = server.nextSocket();
 *   socket.send("{...}");
 * }
 * }</pre>
 */
public final class WsTestServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final BlockingQueue<Socket> opened = new LinkedBlockingQueue<>();

  public WsTestServer() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            return new MockResponse()
                .withWebSocketUpgrade(new Socket(path == null ? "" : path, opened));
          }
        });
    server.start();
  }

  /** {@code ws://127.0.0.1:<port>}. */
  public java.net.URI baseUri() {
    return java.net.URI.create("ws://" + server.getHostName() + ":" + server.getPort());
  }

  /** The next socket the client opened, waiting up to 20 s. */
  public Socket nextSocket() throws InterruptedException {
    Socket s = opened.poll(20, TimeUnit.SECONDS);
    if (s == null) {
      throw new AssertionError("no WebSocket connection within 20 s");
    }
    return s;
  }

  /** A socket opened within {@code millis}, or null. */
  public @Nullable Socket pollSocket(long millis) throws InterruptedException {
    return opened.poll(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }

  /** The server side of one connection. */
  public static final class Socket extends WebSocketListener {
    public final String path;
    public final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    public final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final BlockingQueue<Socket> opened;
    private volatile @Nullable WebSocket ws;

    Socket(String path, BlockingQueue<Socket> opened) {
      this.path = path;
      this.opened = opened;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      ws = webSocket;
      opened.add(this);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      received.add(text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      closed.complete(null);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, @Nullable Response response) {
      closed.complete(null);
    }

    public void send(String text) {
      WebSocket s = ws;
      if (s == null || !s.send(text)) {
        throw new AssertionError("server socket cannot send");
      }
    }

    /** Sends unless the socket is closing; returns whether it was queued. */
    public boolean trySend(String text) {
      WebSocket s = ws;
      return s != null && s.send(text);
    }

    /** Bytes queued for sending on the server side. */
    public long queueSize() {
      WebSocket s = ws;
      return s == null ? 0 : s.queueSize();
    }

    /** Closes from the server side (a venue dropping the connection). */
    public void drop() {
      WebSocket s = ws;
      if (s != null) {
        s.close(1001, "going away");
      }
    }

    /** The next message from the client, waiting up to 20 s. */
    public String nextReceived() throws InterruptedException {
      String m = received.poll(20, TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("no message from the client within 20 s on " + path);
      }
      return m;
    }
  }
}
