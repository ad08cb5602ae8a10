package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.adapter.WsTestServer;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.LiveScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public stream against a loopback WebSocket speaking Bybit's frames. */
class BybitPublicStreamIT {
  private static final TickScale TICK = TickScale.of(new BigDecimal("0.0001"));

  /** What the listener saw, copied on the scheduler. */
  record BookSeen(long u, long bestBid, double bestBidQty, int bids) {}

  private final BlockingQueue<BookSeen> books = new LinkedBlockingQueue<>();
  private final BlockingQueue<BybitWire.TickerDto> tickers = new LinkedBlockingQueue<>();
  private final BlockingQueue<Kline> klines = new LinkedBlockingQueue<>();
  private final BlockingQueue<Boolean> klineClosed = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> trades = new LinkedBlockingQueue<>();
  private WsTestServer server;
  private LiveScheduler scheduler;
  private OkHttpClient http;
  private BybitPublicStream stream;

  @BeforeEach
  void start() throws Exception {
    server = new WsTestServer();
    scheduler = LiveScheduler.create("bybit-public-it");
    http = new OkHttpClient();
    BybitStreamSettings settings =
        new BybitStreamSettings(
            Duration.ofMillis(50),
            Duration.ofMillis(400),
            Duration.ofHours(1),
            Duration.ofMillis(200),
            Duration.ZERO,
            100,
            new Random(7));
    stream =
        new BybitPublicStream(
            server.baseUri() + "/v5/public/linear",
            scheduler,
            http,
            settings,
            symbol -> TICK,
            new BybitPublicStream.Listener() {
              @Override
              public void onBook(String symbol, OrderBookView book) {
                books.add(
                    new BookSeen(
                        book.lastUpdateId(),
                        book.bestBidTicks(),
                        book.bestBidQuantity(),
                        book.depth(Side.BUY)));
              }

              @Override
              public void onTicker(BybitWire.TickerDto ticker) {
                tickers.add(ticker);
              }

              @Override
              public void onKline(Kline kline, boolean closed) {
                klines.add(kline);
                klineClosed.add(closed);
              }

              @Override
              public void onTrades(java.util.List<BybitWire.TradeDto> list) {
                list.forEach(t -> trades.add(t.tradeId));
              }
            });
  }

  @AfterEach
  void stop() throws Exception {
    stream.close();
    scheduler.close();
    server.close();
    http.dispatcher().executorService().shutdown();
  }

  private static String book(String type, long u, String bids) {
    return "{\"topic\":\"orderbook.50.XRPUSDT\",\"type\":\""
        + type
        + "\",\"ts\":1,\"data\":{\"s\":\"XRPUSDT\",\"b\":"
        + bids
        + ",\"a\":[[\"1.9600\",\"10\"]],\"u\":"
        + u
        + ",\"seq\":"
        + (1000 + u)
        + "},\"cts\":1}";
  }

  /** The next client message that is not a ping. */
  private static String nextNonPing(WsTestServer.Socket s) throws InterruptedException {
    while (true) {
      String m = s.nextReceived();
      if (!m.equals("{\"op\":\"ping\"}")) {
        return m;
      }
    }
  }

  private BookSeen nextBook() throws InterruptedException {
    return Objects.requireNonNull(books.poll(30, TimeUnit.SECONDS), "no book within 30 s");
  }

  @Test
  void subscribesEveryTopicOnOpenDeliversEachKindAndPings() throws Exception {
    stream.subscribeBook("XRPUSDT", 50);
    stream.subscribeTrades("XRPUSDT");
    stream.subscribeTicker("XRPUSDT");
    stream.subscribeKlines("XRPUSDT", KlineInterval.M1);
    stream.start();
    WsTestServer.Socket s = server.nextSocket();
    assertThat(nextNonPing(s))
        .isEqualTo(
            "{\"op\":\"subscribe\",\"args\":[\"orderbook.50.XRPUSDT\",\"publicTrade.XRPUSDT\","
                + "\"tickers.XRPUSDT\",\"kline.1.XRPUSDT\"]}");

    s.send(book("snapshot", 10, "[[\"1.9500\",\"5\"],[\"1.9400\",\"7\"]]"));
    s.send(book("delta", 11, "[[\"1.9500\",\"0\"],[\"1.9450\",\"3\"]]"));
    assertThat(nextBook()).isEqualTo(new BookSeen(10, 19500, 5.0, 2));
    assertThat(nextBook()).isEqualTo(new BookSeen(11, 19450, 3.0, 2));

    s.send(
        "{\"topic\":\"tickers.XRPUSDT\",\"type\":\"snapshot\",\"data\":{\"symbol\":\"XRPUSDT\","
            + "\"lastPrice\":\"1.95\",\"markPrice\":\"1.951\"},\"cs\":1,\"ts\":1}");
    s.send(
        "{\"topic\":\"tickers.XRPUSDT\",\"type\":\"delta\",\"data\":{\"symbol\":\"XRPUSDT\","
            + "\"lastPrice\":\"1.96\"},\"cs\":2,\"ts\":2}");
    assertThat(Objects.requireNonNull(tickers.poll(30, TimeUnit.SECONDS)).lastPrice)
        .isEqualTo("1.95");
    BybitWire.TickerDto merged = Objects.requireNonNull(tickers.poll(30, TimeUnit.SECONDS));
    assertThat(merged.lastPrice).isEqualTo("1.96");
    assertThat(merged.markPrice).isEqualTo("1.951");

    s.send(
        "{\"topic\":\"kline.1.XRPUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":[{\"start\":60000,"
            + "\"end\":119999,\"interval\":\"1\",\"open\":\"1.9\",\"close\":\"1.95\",\"high\":\"2\","
            + "\"low\":\"1.8\",\"volume\":\"100\",\"turnover\":\"190\",\"confirm\":true,"
            + "\"timestamp\":120000}]}");
    Kline k = Objects.requireNonNull(klines.poll(30, TimeUnit.SECONDS));
    assertThat(k.close()).isEqualByComparingTo("1.95");
    assertThat(klineClosed.poll(30, TimeUnit.SECONDS)).isTrue();

    s.send(
        "{\"topic\":\"publicTrade.XRPUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":[{\"T\":1,"
            + "\"s\":\"XRPUSDT\",\"S\":\"Buy\",\"v\":\"5\",\"p\":\"1.95\",\"i\":\"t-1\",\"BT\":false}]}");
    assertThat(trades.poll(30, TimeUnit.SECONDS)).isEqualTo("t-1");

    String ping;
    do {
      ping = s.nextReceived();
    } while (!ping.equals("{\"op\":\"ping\"}"));
    assertThat(ping).isEqualTo("{\"op\":\"ping\"}");
  }

  @Test
  void aGapResubscribesTheTopicAndTheNextSnapshotRestoresTheBook() throws Exception {
    stream.subscribeBook("XRPUSDT", 50);
    stream.start();
    WsTestServer.Socket s = server.nextSocket();
    nextNonPing(s);
    s.send(book("snapshot", 10, "[[\"1.9500\",\"5\"]]"));
    assertThat(nextBook().u()).isEqualTo(10);
    s.send(book("delta", 12, "[[\"1.9500\",\"6\"]]"));
    assertThat(nextNonPing(s))
        .isEqualTo("{\"op\":\"unsubscribe\",\"args\":[\"orderbook.50.XRPUSDT\"]}");
    assertThat(nextNonPing(s))
        .isEqualTo("{\"op\":\"subscribe\",\"args\":[\"orderbook.50.XRPUSDT\"]}");
    s.send(book("delta", 13, "[[\"1.9500\",\"7\"]]"));
    s.send(book("snapshot", 40, "[[\"1.9300\",\"2\"]]"));
    assertThat(nextBook()).isEqualTo(new BookSeen(40, 19300, 2.0, 1));
  }

  @Test
  void aDroppedSocketReconnectsResubscribesAndWaitsForAFreshSnapshot() throws Exception {
    stream.subscribeBook("XRPUSDT", 50);
    stream.subscribeTrades("XRPUSDT");
    stream.start();
    WsTestServer.Socket first = server.nextSocket();
    nextNonPing(first);
    first.send(book("snapshot", 10, "[[\"1.9500\",\"5\"]]"));
    assertThat(nextBook().u()).isEqualTo(10);
    first.drop();
    WsTestServer.Socket second = server.nextSocket();
    assertThat(nextNonPing(second))
        .isEqualTo(
            "{\"op\":\"subscribe\",\"args\":[\"orderbook.50.XRPUSDT\",\"publicTrade.XRPUSDT\"]}");
    second.send(book("delta", 11, "[[\"1.9500\",\"9\"]]"));
    second.send(book("snapshot", 20, "[[\"1.9100\",\"4\"]]"));
    assertThat(nextBook()).isEqualTo(new BookSeen(20, 19100, 4.0, 1));
  }
}
