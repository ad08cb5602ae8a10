package dev.tradekit.binance;

import static dev.tradekit.binance.StreamTestSupport.depth;
import static dev.tradekit.binance.StreamTestSupport.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.adapter.WsTestServer;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trade;
import dev.tradekit.api.runtime.LiveScheduler;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Market streams against a local WebSocket server and a scripted REST side. */
class BinanceMarketStreamsIT {
  private static final String TICKER =
      "{\"stream\":\"%s@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":%d,\"s\":\"%s\","
          + "\"b\":\"%s\",\"B\":\"1.5\",\"a\":\"%s\",\"A\":\"2\",\"T\":1700000000001,"
          + "\"E\":1700000000002}}";

  private final FakeStreamRest rest = new FakeStreamRest();
  private LiveScheduler scheduler;
  private WsTestServer server;
  private BinanceStreams streams;

  private BinanceStreams create(boolean legacy) {
    return new BinanceStreams(
        StreamTestSupport.context(server.baseUri(), rest, scheduler, legacy, false),
        StreamTestSupport.settings());
  }

  @BeforeEach
  void start() throws Exception {
    server = new WsTestServer();
    scheduler = LiveScheduler.create("events");
    streams = create(false);
  }

  @AfterEach
  void stop() throws Exception {
    streams.close();
    scheduler.close();
    server.close();
  }

  private static String ticker(String symbol, long u, String bid, String ask) {
    return String.format(TICKER, symbol.toLowerCase(), u, symbol, bid, ask);
  }

  @Test
  void subscribeOnOpenConnectionSendsSubscribeAndCloseSendsUnsubscribe() throws Exception {
    BlockingQueue<BookTicker> got = new LinkedBlockingQueue<>();
    streams.bookTicker("BTCUSDT", got::add);
    WsTestServer.Socket socket = server.nextSocket();
    assertThat(socket.path).isEqualTo("/public/stream?streams=btcusdt@bookTicker");

    socket.send(ticker("BTCUSDT", 7, "57000.10", "57000.20"));
    BookTicker t = got.poll(20, TimeUnit.SECONDS);
    assertThat(t).isNotNull();
    assertThat(t.updateId()).isEqualTo(7);
    assertThat(t.bidPrice()).isEqualByComparingTo("57000.10");
    assertThat(t.askQuantity()).isEqualByComparingTo("2");
    assertThat(t.time()).isEqualTo(1700000000001L);

    Subscription eth = streams.bookTicker("ethusdt", got::add);
    assertThat(socket.nextReceived())
        .isEqualTo("{\"method\":\"SUBSCRIBE\",\"params\":[\"ethusdt@bookTicker\"],\"id\":1}");
    eth.close();
    assertThat(eth.isActive()).isFalse();
    assertThat(socket.nextReceived())
        .isEqualTo("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"ethusdt@bookTicker\"],\"id\":2}");
    assertThat(server.pollSocket(100)).as("no second connection").isNull();
  }

  @Test
  void tradesGoToTheMarketPathAndSkipNonMarketExecutions() throws Exception {
    BlockingQueue<Trade> got = new LinkedBlockingQueue<>();
    streams.trades("BTCUSDT", got::add);
    WsTestServer.Socket socket = server.nextSocket();
    assertThat(socket.path).isEqualTo("/market/stream?streams=btcusdt@trade");
    String frame =
        "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161256322,"
            + "\"T\":1723161256321,\"s\":\"BTCUSDT\",\"t\":%d,\"p\":\"61800.30\",\"q\":\"0.006\","
            + "\"X\":\"%s\",\"m\":true}}";
    socket.send(String.format(frame, 1, "INSURANCE_FUND"));
    socket.send(String.format(frame, 2, "MARKET"));
    Trade t = got.poll(20, TimeUnit.SECONDS);
    assertThat(t).isNotNull();
    assertThat(t.tradeId()).isEqualTo("2");
    assertThat(t.price()).isEqualByComparingTo("61800.30");
    assertThat(t.aggressorSide()).isEqualTo(Side.SELL);
    assertThat(t.time()).isEqualTo(1723161256321L);
  }

  @Test
  void legacyPathsUseTheCombinedStreamEndpoint() throws Exception {
    streams.close();
    streams = create(true);
    streams.trades("BTCUSDT", trade -> {});
    streams.bookTicker("BTCUSDT", ticker -> {});
    WsTestServer.Socket socket = server.nextSocket();
    assertThat(socket.path).startsWith("/stream?streams=btcusdt@");
    assertThat(server.pollSocket(200)).as("one connection carries both").isNull();
  }

  @Test
  void listenerExceptionIsLoggedAndTheSubscriptionStays() throws Exception {
    BlockingQueue<Long> got = new LinkedBlockingQueue<>();
    streams.bookTicker(
        "BTCUSDT",
        t -> {
          got.add(t.updateId());
          if (t.updateId() == 1) {
            throw new IllegalStateException("listener bug");
          }
        });
    WsTestServer.Socket socket = server.nextSocket();
    socket.send(ticker("BTCUSDT", 1, "1", "2"));
    socket.send(ticker("BTCUSDT", 2, "1", "2"));
    assertThat(got.poll(20, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(got.poll(20, TimeUnit.SECONDS)).isEqualTo(2);
  }

  /** Records what the listener saw: best levels per update and stale reasons. */
  private static final class BookRecorder implements OrderBookListener {
    final BlockingQueue<OrderBook> books = new LinkedBlockingQueue<>();
    final BlockingQueue<String> stale = new LinkedBlockingQueue<>();

    @Override
    public void onBook(OrderBookView book) {
      OrderBook copy = new OrderBook(book.symbol());
      copy.copyFrom(book);
      books.add(copy);
    }

    @Override
    public void onStale(String symbol, String reason) {
      stale.add(symbol + ": " + reason);
    }

    OrderBook next() throws InterruptedException {
      OrderBook b = books.poll(20, TimeUnit.SECONDS);
      if (b == null) {
        throw new AssertionError("no book update within 20 s");
      }
      return b;
    }

    OrderBook nextWithId(long id) throws InterruptedException {
      OrderBook b;
      while ((b = books.poll(20, TimeUnit.SECONDS)) != null) {
        if (b.lastUpdateId() == id) {
          return b;
        }
      }
      throw new AssertionError("no book with update id " + id + " within 20 s");
    }
  }

  @Test
  void booksSyncFromSnapshotAndResyncOnceAfterAPuGap() throws Exception {
    TickScale tick = TickScale.of(new BigDecimal("0.1"));
    streams.tickScales(symbol -> CompletableFuture.completedFuture(tick));
    rest.addSnapshot(
        snapshot(
            "BTCUSDT",
            100,
            new String[][] {{"100.0", "1"}, {"99.9", "2"}},
            new String[][] {{"100.1", "3"}, {"100.2", "4"}}));
    BookRecorder rec = new BookRecorder();
    streams.orderBook("BTCUSDT", rec);
    WsTestServer.Socket socket = server.nextSocket();
    assertThat(socket.path).isEqualTo("/public/stream?streams=btcusdt@depth@100ms");

    socket.send(depth("BTCUSDT", 90, 95, 89, "[\"99.9\",\"7\"]", "")); // before the snapshot
    assertThat(rest.awaitCall("depth")).isEqualTo("depth BTCUSDT 1000");
    socket.send(depth("BTCUSDT", 96, 104, 95, "[\"100.0\",\"0\"]", "[\"100.1\",\"5\"]"));
    socket.send(depth("BTCUSDT", 105, 110, 104, "[\"99.8\",\"6\"]", ""));

    assertThat(rec.next().lastUpdateId()).isEqualTo(100); // the snapshot itself
    OrderBook b = rec.next();
    assertThat(b.lastUpdateId()).isEqualTo(104);
    assertThat(b.bestBidTicks()).isEqualTo(999); // 100.0 removed
    assertThat(b.bestBidQuantity()).isEqualTo(2.0); // the pre-snapshot 7 was dropped
    assertThat(b.bestAskQuantity()).isEqualTo(5.0);
    b = rec.next();
    assertThat(b.lastUpdateId()).isEqualTo(110);
    assertThat(b.quantityAt(Side.BUY, 998)).isEqualTo(6.0);

    rest.addSnapshot(
        snapshot(
            "BTCUSDT",
            130,
            new String[][] {{"101.0", "1"}},
            new String[][] {{"101.5", "2"}, {"101.6", "8"}}));
    socket.send(depth("BTCUSDT", 120, 125, 115, "[\"99.0\",\"1\"]", "")); // pu 115 != 110
    assertThat(rec.stale.poll(20, TimeUnit.SECONDS)).startsWith("BTCUSDT: update id gap: pu 115");
    socket.send(depth("BTCUSDT", 126, 133, 125, "", "[\"101.5\",\"0\"]"));
    socket.send(depth("BTCUSDT", 134, 140, 133, "[\"101.2\",\"4\"]", ""));

    assertThat(rec.nextWithId(130)).as("the new snapshot").isNotNull();
    b = rec.next();
    assertThat(b.lastUpdateId()).isEqualTo(133);
    assertThat(b.bestAskTicks()).isEqualTo(1016);
    b = rec.next();
    assertThat(b.lastUpdateId()).isEqualTo(140);
    assertThat(b.bestBidTicks()).isEqualTo(1012);
    assertThat(b.bestBidQuantity()).isEqualTo(4.0);
    assertThat(b.depth(Side.BUY)).isEqualTo(2);
    assertThat(b.isCrossed()).isFalse();
    assertThat(rest.count("depth")).as("exactly one snapshot for the resync").isEqualTo(2);
    assertThat(rec.stale).isEmpty();
  }

  @Test
  void aMalformedDepthFrameMakesTheBookResyncFromARestSnapshot() throws Exception {
    TickScale tick = TickScale.of(new BigDecimal("0.1"));
    streams.tickScales(symbol -> CompletableFuture.completedFuture(tick));
    rest.addSnapshot(
        snapshot("BTCUSDT", 100, new String[][] {{"100.0", "1"}}, new String[][] {{"100.1", "3"}}));
    BookRecorder rec = new BookRecorder();
    streams.orderBook("BTCUSDT", rec);
    WsTestServer.Socket socket = server.nextSocket();
    socket.send(depth("BTCUSDT", 96, 104, 95, "[\"99.9\",\"2\"]", ""));
    assertThat(rest.awaitCall("depth")).isEqualTo("depth BTCUSDT 1000");
    assertThat(rec.nextWithId(104).quantityAt(Side.BUY, 999)).isEqualTo(2.0);

    rest.addSnapshot(
        snapshot("BTCUSDT", 130, new String[][] {{"101.0", "1"}}, new String[][] {{"101.5", "2"}}));
    // The next diff in the chain, but its second bid has a quantity that is not a number.
    socket.send(depth("BTCUSDT", 105, 110, 104, "[\"99.8\",\"6\"],[\"99.7\",\"6x\"]", ""));
    assertThat(rec.stale.poll(20, TimeUnit.SECONDS))
        .startsWith("BTCUSDT: unreadable depth frame: expected a plain decimal number");
    socket.send(depth("BTCUSDT", 126, 133, 125, "[\"101.2\",\"4\"]", ""));

    OrderBook b = rec.nextWithId(130);
    assertThat(b.quantityAt(Side.BUY, 998)).as("nothing of the bad frame applied").isZero();
    assertThat(b.bestBidTicks()).isEqualTo(1010);
    b = rec.next();
    assertThat(b.lastUpdateId()).isEqualTo(133);
    assertThat(b.bestBidTicks()).isEqualTo(1012);
    assertThat(rest.count("depth")).as("one REST snapshot for the resync").isEqualTo(2);
  }

  @Test
  void droppedConnectionReconnectsResubscribesEverythingAndResyncsTheBook() throws Exception {
    rest.addSnapshot(
        snapshot(
            "ETHUSDT", 10, new String[][] {{"2000.00", "1"}}, new String[][] {{"2000.01", "1"}}));
    BookRecorder rec = new BookRecorder();
    List<BookTicker> tickers = new CopyOnWriteArrayList<>();
    streams.orderBook("ETHUSDT", rec);
    streams.bookTicker("ETHUSDT", tickers::add);
    WsTestServer.Socket first = server.nextSocket();
    first.send(depth("ETHUSDT", 9, 12, 8, "", ""));
    assertThat(rec.nextWithId(12)).isNotNull();

    first.drop();
    assertThat(rec.stale.poll(20, TimeUnit.SECONDS)).startsWith("ETHUSDT: connection lost");
    WsTestServer.Socket second = server.nextSocket();
    String path = second.path;
    // the streams come back in the URL or in a SUBSCRIBE message right after it
    boolean inPath = path.contains("ethusdt@depth@100ms") && path.contains("ethusdt@bookTicker");
    String resubscribed = inPath ? path : path + " " + second.nextReceived();
    assertThat(resubscribed).contains("ethusdt@depth@100ms").contains("ethusdt@bookTicker");

    rest.addSnapshot(
        snapshot(
            "ETHUSDT", 50, new String[][] {{"2001.00", "3"}}, new String[][] {{"2001.50", "1"}}));
    second.send(depth("ETHUSDT", 48, 52, 47, "[\"2001.10\",\"2\"]", ""));
    OrderBook b = rec.nextWithId(52);
    assertThat(b).isNotNull();
    assertThat(b.bestBidTicks()).isEqualTo(200110);
    assertThat(rest.count("depth")).isEqualTo(2);
  }

  @Test
  void aSilentConnectionIsReplaced() throws Exception {
    streams.close();
    long start = System.nanoTime(); // before the socket opens: stalls only lengthen the measure
    streams =
        new BinanceStreams(
            StreamTestSupport.context(server.baseUri(), rest, scheduler, false, false),
            StreamTestSupport.settings(
                java.time.Duration.ofMinutes(30),
                java.time.Duration.ofMinutes(30),
                java.time.Duration.ofMillis(1000)));
    BlockingQueue<BookTicker> got = new LinkedBlockingQueue<>();
    streams.bookTicker("BTCUSDT", got::add);
    WsTestServer.Socket first = server.nextSocket();
    first.closed.get(30, TimeUnit.SECONDS); // nothing sent: dropped as silent after ~1 s
    long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(silentMillis).isBetween(950L, 20_000L); // upper bound loose: loaded CI machines

    WsTestServer.Socket second = server.nextSocket();
    assertThat(second.path).isEqualTo("/public/stream?streams=btcusdt@bookTicker");
    second.send(ticker("BTCUSDT", 7, "1", "2"));
    BookTicker t = got.poll(20, TimeUnit.SECONDS);
    assertThat(t).as("events flow on the replacement").isNotNull();
    assertThat(t.updateId()).isEqualTo(7);
  }

  @Test
  void anOldConnectionIsRenewedAtTheAgeLimit() throws Exception {
    streams.close();
    long start = System.nanoTime();
    streams =
        new BinanceStreams(
            StreamTestSupport.context(server.baseUri(), rest, scheduler, false, false),
            StreamTestSupport.settings(
                java.time.Duration.ofMinutes(30),
                java.time.Duration.ofMillis(3000),
                java.time.Duration.ZERO));
    BlockingQueue<BookTicker> got = new LinkedBlockingQueue<>();
    streams.bookTicker("BTCUSDT", got::add);
    WsTestServer.Socket first = server.nextSocket();
    first.send(ticker("BTCUSDT", 1, "1", "2"));
    BookTicker t = got.poll(20, TimeUnit.SECONDS);
    assertThat(t).isNotNull();
    assertThat(t.updateId()).isEqualTo(1);
    first.closed.get(30, TimeUnit.SECONDS); // silence is off: only the age limit ends it
    long ageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(ageMillis).isBetween(2_950L, 20_000L);

    WsTestServer.Socket second = server.nextSocket();
    assertThat(second.path).isEqualTo("/public/stream?streams=btcusdt@bookTicker");
    second.send(ticker("BTCUSDT", 99, "1", "2"));
    while ((t = got.poll(20, TimeUnit.SECONDS)) != null && t.updateId() != 99) {
      // older events, if any
    }
    assertThat(t).as("events flow on the renewed connection").isNotNull();
  }
}
