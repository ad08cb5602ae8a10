package dev.tradekit.binance;

import com.squareup.moshi.JsonReader;
import dev.tradekit.api.Credentials;
import dev.tradekit.api.book.Decimals;
import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.internal.wire.BinanceFrame;
import dev.tradekit.api.internal.wire.BinanceFrameParser;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.BinanceFrameDecoder;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.benchmarks.SimReplayBenchmark;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Binance adapter's per-request and per-frame costs, in microseconds per operation.
 *
 * <p>Orders: building the {@code POST /fapi/v1/order} parameters from an {@link OrderRequest}
 * (validation, formatting, a fresh client order id), signing them (percent-encoding plus
 * HMAC-SHA256, as {@code RequestSigner} does with a new {@link Mac} per call, and with a reused one
 * for comparison) and the whole path down to the form-body bytes.
 *
 * <p>Parsing, on frames from the BTCUSDT recording: the {@code /fapi/v1/depth?limit=1000} reply and
 * a depth-update frame of median size. The adapter parses with Moshi's reflective class adapters
 * (with a streaming adapter per {@code [price, qty]} pair) into string DTOs and then converts; the
 * alternatives are a Moshi {@link JsonReader} streaming straight into primitives (written here: the
 * adapter has no streaming depth adapter) and the backtest's allocation-free cursor parser.
 *
 * <p>This class sits in the adapter's package (in the unpublished benchmarks module) because the
 * wire DTOs, mappers and signer are package-private.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AdapterBenchmark {
  static final TickScale TICK = TickScale.of(new BigDecimal("0.1"));
  static final Instrument BTCUSDT = SimReplayBenchmark.BTCUSDT;
  static final Credentials CREDENTIALS =
      Credentials.of(
          "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
          "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
  static final long SERVER_TIME = 1_723_161_256_299L;

  private final BinanceJson json = new BinanceJson();
  private final RequestSigner signer = new RequestSigner(CREDENTIALS, () -> SERVER_TIME, 5_000);
  private final Mac mac = CREDENTIALS.newHmacSha256();
  private final OrderRequest request =
      OrderRequest.limit("BTCUSDT", Side.BUY, new BigDecimal("0.015"), new BigDecimal("61705.3"));
  private final Map<String, String> params =
      OrderParams.newOrder(request.withClientOrderId("tk-3k2j8f1b0x9qz7m4c5v6n1l2p0"), BTCUSDT);
  private final BinanceFrameDecoder decoder = new BinanceFrameDecoder(Map.of("BTCUSDT", TICK));
  private final MarketEvent event = new MarketEvent();
  private final OrderBook localBook = new OrderBook("BTCUSDT");
  private final OrderBook cursorBook = new OrderBook("BTCUSDT");
  private final BinanceFrame frame = new BinanceFrame();
  private final BinanceFrameParser parser =
      new BinanceFrameParser(
          new BinanceFrameParser.Symbols() {
            @Override
            public int find(CharSequence text, int from, int to) {
              return 0;
            }

            @Override
            public TickScale scale(int index) {
              return TICK;
            }
          });
  private final long[] ticks = new long[2_048];
  private final double[] qtys = new double[2_048];

  /** The 1000-level REST depth reply. */
  String depthReply = "";

  /** A depth-update frame with the median level count of the recording. */
  String depthFrame = "";

  /** Loads the two payloads from the recording (needs {@code tradekit.refdata}). */
  @org.openjdk.jmh.annotations.Setup
  public void load() {
    Payloads p = Payloads.load();
    depthReply = p.depthReply();
    depthFrame = p.depthFrame();
  }

  /** OrderRequest → validated, formatted parameters with a fresh client order id. */
  @Benchmark
  public Map<String, String> orderBuild() {
    return OrderParams.newOrder(OrderParams.withClientOrderId(request), BTCUSDT);
  }

  /** Encode and sign fixed parameters as the adapter does (a new Mac per signature). */
  @Benchmark
  public String orderSign() {
    return signer.sign(params).query();
  }

  /** The HMAC-SHA256 alone with a Mac made per call ({@code Credentials.hmacSha256Hex}). */
  @Benchmark
  public String hmacNewMac() {
    return CREDENTIALS.hmacSha256Hex(Payloads.SIGNED_PAYLOAD);
  }

  /** The HMAC-SHA256 alone with one reused Mac. */
  @Benchmark
  public String hmacReusedMac() {
    return HexFormat.of()
        .formatHex(mac.doFinal(Payloads.SIGNED_PAYLOAD.getBytes(StandardCharsets.UTF_8)));
  }

  /** Build, sign and serialise to the form-body bytes that go on the wire. */
  @Benchmark
  public byte[] orderBuildSignSerialise() {
    Map<String, String> p = OrderParams.newOrder(OrderParams.withClientOrderId(request), BTCUSDT);
    return signer.sign(p).query().getBytes(StandardCharsets.UTF_8);
  }

  /** The adapter's path for a depth reply: Moshi reflection into a DTO, then BigDecimal levels. */
  @Benchmark
  public OrderBookSnapshot depthReplyMoshiReflection() throws IOException {
    return MarketMapper.depth("BTCUSDT", json.parse(DepthDto.class, depthReply));
  }

  /** A depth reply streamed by Moshi's JsonReader straight into ticks and doubles. */
  @Benchmark
  public int depthReplyMoshiStreaming() throws IOException {
    JsonReader r = JsonReader.of(new Buffer().writeUtf8(depthReply));
    int n = 0;
    r.beginObject();
    while (r.hasNext()) {
      String name = r.nextName();
      if (name.equals("bids") || name.equals("asks")) {
        n += levels(r, n);
      } else {
        r.skipValue();
      }
    }
    r.endObject();
    return n;
  }

  /** A depth reply through the backtest's allocation-free cursor parser. */
  @Benchmark
  public int depthReplyCursor() {
    decoder.decode(depthReply, event);
    return event.levelCount(Side.BUY) + event.levelCount(Side.SELL);
  }

  /**
   * The adapter's path for a depth-update frame: Moshi reflection into the DTO, then ticks and
   * doubles per level as its book synchroniser does.
   */
  @Benchmark
  public long depthUpdateMoshiReflection() throws IOException {
    MarketEventDto.DepthUpdate d = (MarketEventDto.DepthUpdate) json.marketFrame(depthFrame).data();
    return convert(d.bids) + convert(d.asks) + d.finalUpdateId;
  }

  /** A depth-update frame streamed by Moshi's JsonReader straight into ticks and doubles. */
  @Benchmark
  public int depthUpdateMoshiStreaming() throws IOException {
    JsonReader r = JsonReader.of(new Buffer().writeUtf8(depthFrame));
    int n = 0;
    r.beginObject();
    while (r.hasNext()) {
      if (!r.nextName().equals("data")) {
        r.skipValue();
        continue;
      }
      r.beginObject();
      while (r.hasNext()) {
        String name = r.nextName();
        if (name.equals("b") || name.equals("a")) {
          n += levels(r, n);
        } else {
          r.skipValue();
        }
      }
      r.endObject();
    }
    r.endObject();
    return n;
  }

  /**
   * Before: the adapter's whole path for one depth-update frame up to 0.1 (kept here as the
   * baseline): Moshi reflection into the DTO, then each level's strings into ticks and doubles and
   * into the local book.
   */
  @Benchmark
  public long depthUpdateDecodeAndApply() throws IOException {
    MarketEventDto.DepthUpdate d = (MarketEventDto.DepthUpdate) json.marketFrame(depthFrame).data();
    applyStrings(localBook, Side.BUY, d.bids);
    applyStrings(localBook, Side.SELL, d.asks);
    localBook.setLastUpdateId(d.finalUpdateId);
    return localBook.lastUpdateId();
  }

  /**
   * After: the adapter's path now, to set beside Bybit's ({@code BybitBookDeltaBenchmark}): the
   * market streams route the frame text by kind and symbol, the book reads it with the shared
   * cursor parser into its reused frame and applies the levels ({@code BookSync.applyDiff}).
   */
  @Benchmark
  public long depthUpdateCursorAndApply() {
    parser.route(depthFrame, frame);
    parser.parsePayload(depthFrame, parser.payloadStart(), frame);
    BookSync.applyDiff(cursorBook, frame);
    return cursorBook.lastUpdateId();
  }

  private static void applyStrings(OrderBook book, Side side, List<PriceLevel> levels) {
    for (int i = 0, n = levels.size(); i < n; i++) {
      PriceLevel level = levels.get(i);
      book.setLevel(
          side,
          TICK.parseTicks(level.price(), 0, level.price().length()),
          Decimals.parseDouble(level.qty(), 0, level.qty().length()));
    }
  }

  /** A depth-update frame through the backtest's allocation-free cursor parser. */
  @Benchmark
  public int depthUpdateCursor() {
    decoder.decode(depthFrame, event);
    return event.levelCount(Side.BUY) + event.levelCount(Side.SELL);
  }

  private int levels(JsonReader r, int from) throws IOException {
    int n = 0;
    r.beginArray();
    while (r.hasNext()) {
      r.beginArray();
      String price = r.nextString();
      String qty = r.nextString();
      r.endArray();
      ticks[from + n] = TICK.parseTicks(price, 0, price.length());
      qtys[from + n] = Decimals.parseDouble(qty, 0, qty.length());
      n++;
    }
    r.endArray();
    return n;
  }

  private long convert(List<PriceLevel> levels) {
    long sum = 0;
    for (int i = 0, n = levels.size(); i < n; i++) {
      PriceLevel l = levels.get(i);
      sum += TICK.parseTicks(l.price(), 0, l.price().length());
      qtys[i] = Decimals.parseDouble(l.qty(), 0, l.qty().length());
    }
    return sum;
  }

  /** For the smoke test: the book that {@link #depthUpdateCursor} decoded, applied. */
  OrderBook cursorFrameAsBook() {
    depthUpdateCursor();
    OrderBook book = new OrderBook("BTCUSDT");
    for (Side side : new Side[] {Side.BUY, Side.SELL}) {
      for (int i = 0; i < event.levelCount(side); i++) {
        book.setLevel(side, event.levelPriceTicks(side, i), event.levelQuantity(side, i));
      }
    }
    return book;
  }
}
