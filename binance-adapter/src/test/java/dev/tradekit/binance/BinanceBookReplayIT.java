package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.adapter.WsTestServer;
import dev.tradekit.api.BookTickerListener;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.runtime.LiveScheduler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays recorded Binance USD-M streams through a local WebSocket into the adapter's local books
 * and checks each book against the venue's own book ticker wherever their update ids are equal.
 */
class BinanceBookReplayIT {
  private final BinanceJson json = new BinanceJson();
  private final FakeStreamRest rest = new FakeStreamRest();
  private Path data = Path.of("");
  private LiveScheduler scheduler;
  private WsTestServer server;
  private BinanceStreams streams;

  @BeforeEach
  void start() throws Exception {
    String root = System.getProperty("tradekit.refdata");
    Assumptions.assumeTrue(
        root != null && Files.isDirectory(Path.of(root, "binance-usdm")),
        "reference data not found: set -Dtradekit.refdata to the shared data folder");
    data = Path.of(Objects.requireNonNull(root), "binance-usdm");
    server = new WsTestServer();
    scheduler = LiveScheduler.create("replay");
    streams =
        new BinanceStreams(
            StreamTestSupport.context(server.baseUri(), rest, scheduler, false, false),
            StreamTestSupport.settings());
  }

  @AfterEach
  void stop() throws Exception {
    if (streams != null) {
      streams.close();
      scheduler.close();
      server.close();
    }
  }

  private record Top(long bid, double bidQty, long ask, double askQty) {}

  /** Collects book tops and book tickers per update id, and notices the last expected ids. */
  private static final class Checker implements OrderBookListener, BookTickerListener {
    final Map<String, Top> books = new ConcurrentHashMap<>();
    final Map<String, BookTicker> tickers = new ConcurrentHashMap<>();
    final Map<String, Long> lastDepth;
    final Map<String, Long> lastTicker;
    final CountDownLatch done;
    final List<String> stale = new ArrayList<>();

    Checker(Map<String, Long> lastDepth, Map<String, Long> lastTicker) {
      this.lastDepth = lastDepth;
      this.lastTicker = lastTicker;
      this.done = new CountDownLatch(lastDepth.size() + lastTicker.size());
    }

    @Override
    public void onBook(OrderBookView b) {
      books.put(
          b.symbol() + ':' + b.lastUpdateId(),
          new Top(b.bestBidTicks(), b.bestBidQuantity(), b.bestAskTicks(), b.bestAskQuantity()));
      if (Objects.equals(lastDepth.get(b.symbol()), b.lastUpdateId())) {
        done.countDown();
      }
    }

    @Override
    public void onStale(String symbol, String reason) {
      stale.add(symbol + ": " + reason);
    }

    @Override
    public void onBookTicker(BookTicker t) {
      tickers.put(t.symbol() + ':' + t.updateId(), t);
      if (Objects.equals(lastTicker.get(t.symbol()), t.updateId())) {
        done.countDown();
      }
    }

    /** {checked, mismatches}, printing the first few mismatches. */
    int[] compare(Map<String, TickScale> scales) {
      int checked = 0;
      int mismatches = 0;
      for (Map.Entry<String, BookTicker> e : tickers.entrySet()) {
        Top top = books.get(e.getKey());
        if (top == null) {
          continue;
        }
        BookTicker t = e.getValue();
        TickScale scale = Objects.requireNonNull(scales.get(t.symbol()));
        checked++;
        boolean same =
            top.bid() == scale.toTicks(t.bidPrice())
                && top.ask() == scale.toTicks(t.askPrice())
                && top.bidQty() == t.bidQuantity().doubleValue()
                && top.askQty() == t.askQuantity().doubleValue();
        if (!same) {
          if (mismatches++ < 5) {
            System.out.println("mismatch at " + e.getKey() + ": book " + top + " ticker " + t);
          }
        }
      }
      return new int[] {checked, mismatches};
    }
  }

  /** Subscribes, waits until the subscriptions are registered, pushes the frames, compares. */
  private int[] replay(
      String name,
      Map<String, OrderBookSnapshot> snapshots,
      Map<String, TickScale> scales,
      List<String> frames)
      throws Exception {
    Map<String, Long> lastDepth = new HashMap<>();
    Map<String, Long> lastTicker = new HashMap<>();
    for (String frame : frames) {
      MarketEventDto e = json.marketFrame(frame).data();
      if (e instanceof MarketEventDto.DepthUpdate d && snapshots.containsKey(d.symbol)) {
        lastDepth.put(d.symbol, d.finalUpdateId);
      } else if (e instanceof MarketEventDto.BookTicker t && snapshots.containsKey(t.symbol)) {
        lastTicker.put(t.symbol, t.updateId);
      }
    }
    snapshots.values().forEach(rest::addSnapshot);
    Checker checker = new Checker(lastDepth, lastTicker);
    for (String symbol : snapshots.keySet()) {
      streams.orderBook(symbol, checker);
      streams.bookTicker(symbol, checker);
    }
    CompletableFuture.runAsync(() -> {}, scheduler).get(30, TimeUnit.SECONDS);
    WsTestServer.Socket socket = server.nextSocket();
    for (String frame : frames) {
      while (socket.queueSize() > 4_000_000) {
        LockSupport.parkNanos(1_000_000);
      }
      socket.send(frame);
    }
    boolean finished = checker.done.await(60, TimeUnit.SECONDS);
    CompletableFuture.runAsync(() -> {}, scheduler).get(30, TimeUnit.SECONDS);
    int[] result = checker.compare(scales);
    System.out.printf(
        "%s replay: %d frames, %d book updates, %d book tickers, %d compared, %d mismatches,"
            + " %d snapshots, stale %s%n",
        name,
        frames.size(),
        checker.books.size(),
        checker.tickers.size(),
        result[0],
        result[1],
        rest.count("depth"),
        checker.stale);
    assertThat(finished).as("every symbol reached its last recorded update").isTrue();
    assertThat(checker.stale).isEmpty();
    assertThat(rest.count("depth")).isEqualTo(snapshots.size());
    return result;
  }

  private static String body(String line) {
    return line.substring(line.indexOf(": ") + 2);
  }

  private OrderBookSnapshot toSnapshot(String symbol, String body) throws IOException {
    DepthDto d = json.parse(DepthDto.class, body);
    return new OrderBookSnapshot(
        symbol, d.lastUpdateId, d.transactionTime, levels(d.bids), levels(d.asks));
  }

  private static List<dev.tradekit.api.model.PriceLevel> levels(List<PriceLevel> wire) {
    List<dev.tradekit.api.model.PriceLevel> out = new ArrayList<>();
    for (PriceLevel l : wire) {
      out.add(
          new dev.tradekit.api.model.PriceLevel(
              new BigDecimal(l.price()), new BigDecimal(l.qty())));
    }
    return out;
  }

  @Test
  void cryptofeedRecordingKeepsBooksEqualToTheBookTicker() throws Exception {
    Path dir = data.resolve("cryptofeed-20210722");
    ExchangeInfoDto info =
        json.parse(
            ExchangeInfoDto.class,
            body(Files.readAllLines(dir.resolve("BINANCE_FUTURES.0")).get(0)));
    Map<String, OrderBookSnapshot> snapshots = new LinkedHashMap<>();
    Map<String, TickScale> scales = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve("BINANCE_FUTURES.http.0.0"))) {
      if (line.isBlank()) {
        continue;
      }
      String symbol = line.substring(line.indexOf("symbol=") + 7, line.indexOf("&limit"));
      snapshots.put(symbol, toSnapshot(symbol, body(line)));
      ExchangeInfoDto.Symbol s = Objects.requireNonNull(info.symbol(symbol));
      ExchangeInfoDto.Filter price = Objects.requireNonNull(s.filter("PRICE_FILTER"));
      scales.put(symbol, TickScale.of(new BigDecimal(Objects.requireNonNull(price.tickSize))));
    }
    streams.tickScales(symbol -> CompletableFuture.completedFuture(scales.get(symbol)));
    List<String> lines = Files.readAllLines(dir.resolve("BINANCE_FUTURES.ws.1.0"));
    List<String> frames = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        frames.add(body(line));
      }
    }
    int[] result = replay("cryptofeed 2021-07-22", snapshots, scales, frames);
    assertThat(snapshots).hasSize(4);
    assertThat(result[0]).as("book states compared with the book ticker").isGreaterThan(20);
    assertThat(result[1]).as("mismatches").isZero();
  }

  @Test
  void btcusdtRecordingKeepsTheBookEqualToTheBookTicker() throws Exception {
    int[] result = replayHftRecording("BTCUSDT", "btcusdt_20240808.gz");
    assertThat(result[0]).isGreaterThan(500);
    assertThat(result[1]).as("mismatches").isZero();
  }

  @Test
  void ethusdtRecordingKeepsTheBookEqualToTheBookTicker() throws Exception {
    int[] result = replayHftRecording("ETHUSDT", "ethusdt_20240808.gz");
    assertThat(result[0]).isGreaterThan(500);
    assertThat(result[1]).as("mismatches").isZero();
  }

  /** An hftbacktest recording: {@code <ns> <json>} lines, one of them the REST snapshot. */
  private int[] replayHftRecording(String symbol, String file) throws Exception {
    List<String> frames = new ArrayList<>();
    @Nullable OrderBookSnapshot snapshot = null;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(data.resolve(file))),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String body = line.substring(line.indexOf(' ') + 1);
        if (body.startsWith("{\"lastUpdateId\"")) {
          snapshot = toSnapshot(symbol, body);
        } else if (body.startsWith("{\"stream\"")) {
          frames.add(body);
        }
      }
    }
    OrderBookSnapshot s = Objects.requireNonNull(snapshot, "no snapshot line in " + file);
    // No tick lookup: the book derives its scale from the snapshot's prices (the default path).
    Map<String, TickScale> scales = Map.of(symbol, BookSync.finestScale(s));
    return replay(symbol + " 2024-08-08", Map.of(symbol, s), scales, frames);
  }
}
