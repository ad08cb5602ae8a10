package dev.tradekit.samples.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.SimVenue;
import dev.tradekit.samples.examples.ExampleVenue;
import dev.tradekit.samples.examples.ScanningExample;
import dev.tradekit.scanner.FeedTier;
import dev.tradekit.scanner.Scanner;
import dev.tradekit.scanner.ScoringInput;
import dev.tradekit.scanner.WeightAlgorithm;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The scanner's feed over real WebSockets: a private client gets every update (the wall's detection
 * included) at once, a public one only hot-pool updates of diamond walls, after the public delay; a
 * wrong token is refused at the handshake with 401. The scanner runs on a virtual clock, moved by
 * the test; the sockets are real.
 */
class ScannerFeedServerIT {
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(90);

  /** Collects the text frames a client receives. */
  static final class Client implements WebSocket.Listener {
    final List<String> messages = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public @Nullable CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    boolean has(String symbol, String reason) {
      return messages.stream()
          .anyMatch(m -> m.contains("\"symbol\":\"" + symbol + "\"") && m.contains(reason));
    }
  }

  private static WebSocket connect(HttpClient http, String url, @Nullable String token, Client c)
      throws Exception {
    WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.buildAsync(URI.create(url), c).get(60, TimeUnit.SECONDS);
  }

  @Test
  void eachTierReceivesWhatItIsEntitledTo() throws Exception {
    VirtualScheduler clock = new VirtualScheduler(ExampleVenue.START);
    SimVenue venue = ScanningExample.venue(clock);
    Exchange account = venue.openAccount("scanner", AccountSetup.usdt(new BigDecimal("1000")));
    WeightAlgorithm size =
        new WeightAlgorithm() {
          @Override
          public String name() {
            return "size";
          }

          @Override
          public double weigh(ScoringInput input) {
            return input.sizeFactor(); // the wall is 30 times its neighbours: diamond
          }
        };
    HttpClient http = HttpClient.newHttpClient();
    try (Scanner scanner =
            Scanner.builder()
                .exchange(account)
                .scheduler(clock)
                .topSymbols(3)
                .minUsd(2_000)
                .algorithm(size)
                .promotionAge(Duration.ofSeconds(5))
                .privateTokens(Set.of("private-token"))
                .vipKeys(Set.of("vip-key"))
                .build();
        ScannerFeedServer server = ScannerFeedServer.start(scanner.feed(), "127.0.0.1", 0)) {
      Client privateClient = new Client();
      Client publicClient = new Client();
      Client vipClient = new Client();
      WebSocket p = connect(http, server.url(FeedTier.PRIVATE), "private-token", privateClient);
      WebSocket q = connect(http, server.url(FeedTier.PUBLIC), null, publicClient);
      WebSocket v = connect(http, server.url(FeedTier.VIP) + "?token=vip-key", null, vipClient);
      assertThatThrownBy(() -> connect(http, server.url(FeedTier.PRIVATE), "guess", new Client()))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(WebSocketHandshakeException.class)
          .satisfies(
              e ->
                  assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                      .isEqualTo(401));
      assertThat(scanner.feed().subscriberCount()).isEqualTo(3);

      scanner.start();
      // Virtual time moves 100 ms per step; the sockets deliver in real time meanwhile.
      advanceUntil(
          clock,
          () ->
              privateClient.has("ETHUSDT", "\"DETECTED\"")
                  && privateClient.has("ETHUSDT", "\"ENTERED_HOT\"")
                  && vipClient.has("ETHUSDT", "\"ENTERED_HOT\"")
                  && publicClient.has("ETHUSDT", "\"ENTERED_HOT\""),
          () ->
              "private "
                  + privateClient.messages
                  + "\nvip "
                  + vipClient.messages
                  + "\npublic "
                  + publicClient.messages);

      assertThat(publicClient.messages)
          .allSatisfy(
              m ->
                  assertThat(m)
                      .contains("\"category\":\"DIAMOND\"")
                      .doesNotContain("\"DETECTED\""));
      assertThat(vipClient.messages).noneMatch(m -> m.contains("\"DETECTED\""));
      assertThat(privateClient.messages.size()).isGreaterThan(publicClient.messages.size());
      long hotTime = time(first(privateClient, "\"ENTERED_HOT\""));
      long detected = time(first(privateClient, "\"DETECTED\""));
      assertThat(hotTime - detected).isGreaterThanOrEqualTo(5_000); // the promotion age
      p.abort();
      q.abort();
      v.abort();
      advanceUntil(
          clock, () -> scanner.feed().subscriberCount() == 0, () -> "subscriptions closed");
    }
  }

  private static String first(Client c, String reason) {
    return c.messages.stream().filter(m -> m.contains(reason)).findFirst().orElseThrow();
  }

  private static long time(String json) {
    int i = json.indexOf("\"time\":") + 7;
    int j = i;
    while (Character.isDigit(json.charAt(j))) {
      j++;
    }
    return Long.parseLong(json.substring(i, j));
  }

  /** Advances the virtual clock in 100 ms steps until {@code done}, for at most 90 s real time. */
  private static void advanceUntil(
      VirtualScheduler clock, BooleanSupplier done, java.util.function.Supplier<String> what)
      throws InterruptedException {
    long end = System.nanoTime() + WAIT_NANOS;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within 90 s: " + what.get());
      }
      clock.advanceBy(Duration.ofMillis(100));
      Thread.sleep(2);
    }
  }
}
