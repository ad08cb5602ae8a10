package dev.tradekit.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain signed HTTP requests to a FakeBinance, as a client would send them. */
final class WireClient {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String key;
  private final String secret;

  WireClient(String base, String key, String secret) {
    this.base = base;
    this.key = key;
    this.secret = secret;
  }

  HttpResponse<String> send(String method, String path, String query) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + query)))
            .timeout(Duration.ofSeconds(10))
            .header("X-MBX-APIKEY", key)
            .method(method, HttpRequest.BodyPublishers.noBody());
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Appends timestamp and the signature over exactly {@code query + "&timestamp=…"}. */
  HttpResponse<String> signed(String method, String path, String query, long timestamp)
      throws Exception {
    String q = (query.isEmpty() ? "" : query + "&") + "timestamp=" + timestamp;
    return send(method, path, q + "&signature=" + Auth.sign(secret, q));
  }
}
