package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.internal.wire.BinanceFrame;
import dev.tradekit.api.internal.wire.BinanceFrameParser;
import dev.tradekit.api.internal.wire.MalformedFrameException;
import dev.tradekit.api.model.Side;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the shared frame parser the way the adapter calls it ({@code route}, then {@code
 * parsePayload}) with real frames from the BTCUSDT recording, truncated and mutated by a seeded
 * generator. Every outcome is either a {@link MalformedFrameException} or exactly what a strict
 * reading gives: Moshi's strict reader accepts the whole document and the adapter's Moshi DTOs hold
 * the same kind, symbol, ids and levels. Never another exception, never different values.
 */
class BinanceFrameFuzzTest {
  private static final TickScale TICK = TickScale.of(new BigDecimal("0.01"));
  private static final String MUTATIONS = "{}[],:\"\\ 0159.-ebtu";
  private static final int ROUNDS = 30_000;

  private final BinanceJson json = new BinanceJson();
  private final BinanceFrameParser parser =
      new BinanceFrameParser(
          new BinanceFrameParser.Symbols() {
            @Override
            public int find(CharSequence text, int from, int to) {
              return to - from == 7 && "BTCUSDT".contentEquals(text.subSequence(from, to)) ? 0 : -1;
            }

            @Override
            public TickScale scale(int index) {
              return TICK;
            }
          });
  private final BinanceFrame frame = new BinanceFrame();

  @Test
  void mutatedRecordedFramesAreRejectedOrReadExactly() throws IOException {
    List<String> frames = recordedFrames();
    Random random = new Random(20_240_808L);
    int rejected = 0;
    int readChanged = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String original = frames.get(random.nextInt(frames.size()));
      String text = mutate(original, random);
      Outcome cursor = cursor(text);
      if (cursor == null) {
        rejected++;
        continue;
      }
      Outcome strict = strict(text);
      assertThat(strict).as("read by the cursor but not by a strict reader: %s", text).isNotNull();
      assertThat(cursor).as("read differently: %s", text).isEqualTo(strict);
      if (!text.equals(original)) {
        readChanged++;
      }
    }
    assertThat(rejected).as("rejected mutations").isGreaterThan(ROUNDS / 4);
    assertThat(readChanged).as("mutations that stay valid JSON and are read").isPositive();
  }

  @Test
  void everyTruncationOfADepthFrameIsRejected() throws IOException {
    String depth =
        recordedFrames().stream().filter(f -> f.contains("depthUpdate")).findFirst().orElseThrow();
    for (int cut = 0; cut < depth.length(); cut++) {
      assertThat(cursor(depth.substring(0, cut))).as("cut at %d", cut).isNull();
    }
    assertThat(cursor(depth)).isNotNull();
  }

  /** What the adapter reads, or null if it rejects the frame with a MalformedFrameException. */
  private @Nullable Outcome cursor(String text) {
    try {
      BinanceFrame.Kind kind = parser.route(text, frame);
      if (kind == null) {
        return null;
      }
      String symbol = text.substring(frame.symbolStart(), frame.symbolEnd());
      if (!parser.parsePayload(text, parser.payloadStart(), frame)) {
        return null;
      }
      return Outcome.of(frame, symbol);
    } catch (MalformedFrameException e) {
      return null;
    }
  }

  /** What a strict reading gives: Moshi's strict reader and the adapter's Moshi DTOs. */
  private @Nullable Outcome strict(String text) {
    try {
      JsonReader r = JsonReader.of(new Buffer().writeUtf8(text));
      r.setLenient(false);
      r.readJsonValue();
      if (r.peek() != JsonReader.Token.END_DOCUMENT) {
        return null;
      }
      MarketEventDto e = json.marketFrame(dataOf(text)).data();
      if (e instanceof MarketEventDto.DepthUpdate d) {
        return new Outcome(
            "DEPTH_UPDATE",
            d.symbol,
            List.of(d.firstUpdateId, d.finalUpdateId, d.previousFinalUpdateId, d.eventTime),
            levels(d.bids) + "|" + levels(d.asks));
      }
      if (e instanceof MarketEventDto.BookTicker t) {
        return new Outcome(
            "BOOK_TICKER",
            t.symbol,
            List.of(t.updateId, t.eventTime),
            ticks(t.bidPrice)
                + " "
                + qty(t.bidQty)
                + " "
                + ticks(t.askPrice)
                + " "
                + qty(t.askQty));
      }
      if (e instanceof MarketEventDto.Trade t) {
        return new Outcome(
            "TRADE",
            t.symbol,
            List.of(t.tradeId, t.eventTime),
            ticks(t.price) + " " + qty(t.qty) + " " + t.buyerIsMaker);
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The frame rewritten as {@code {"stream":"","data":…}} with Moshi, for the DTO reading (which
   * expects the stream field first; the cursor only needs {@code data}).
   */
  private static String dataOf(String text) throws IOException {
    JsonReader r = JsonReader.of(new Buffer().writeUtf8(text));
    r.beginObject();
    while (r.hasNext()) {
      if (r.nextName().equals("data")) {
        try (okio.BufferedSource data = r.nextSource()) {
          return "{\"stream\":\"\",\"data\":" + data.readUtf8() + "}";
        }
      }
      r.skipValue();
    }
    throw new IOException("no data");
  }

  private static long ticks(String price) {
    if (!price.matches("-?[0-9]+(\\.[0-9]+)?")) {
      throw new IllegalArgumentException(price);
    }
    return TICK.parseTicks(price, 0, price.length());
  }

  private static double qty(String q) {
    if (!q.matches("-?[0-9]+(\\.[0-9]+)?")) {
      throw new IllegalArgumentException(q);
    }
    return new BigDecimal(q).doubleValue();
  }

  private static String levels(List<PriceLevel> levels) {
    StringBuilder sb = new StringBuilder();
    for (PriceLevel l : levels) {
      long p = ticks(l.price());
      double q = qty(l.qty());
      if (p <= 0 || q < 0) {
        throw new IllegalArgumentException("level " + l);
      }
      sb.append(p).append('=').append(q).append(';');
    }
    return sb.toString();
  }

  /** The values both readers must agree on. */
  record Outcome(String kind, String symbol, List<Long> ids, String values) {
    static Outcome of(BinanceFrame f, String symbol) {
      return switch (f.kind()) {
        case DEPTH_UPDATE ->
            new Outcome(
                "DEPTH_UPDATE",
                symbol,
                List.of(f.firstUpdateId(), f.lastUpdateId(), f.previousUpdateId(), time(f)),
                levels(f, Side.BUY) + "|" + levels(f, Side.SELL));
        case BOOK_TICKER ->
            new Outcome(
                "BOOK_TICKER",
                symbol,
                List.of(f.lastUpdateId(), time(f)),
                f.bidTicks() + " " + f.bidQty() + " " + f.askTicks() + " " + f.askQty());
        case TRADE ->
            new Outcome(
                "TRADE",
                symbol,
                List.of(f.tradeId(), time(f)),
                f.priceTicks() + " " + f.qty() + " " + f.buyerIsMaker());
        default -> new Outcome(f.kind().name(), symbol, List.of(), "");
      };
    }

    private static long time(BinanceFrame f) {
      return f.eventTime() == BinanceFrame.ABSENT ? 0 : f.eventTime();
    }

    private static String levels(BinanceFrame f, Side side) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < f.levelCount(side); i++) {
        sb.append(f.levelTicks(side, i)).append('=').append(f.levelQty(side, i)).append(';');
      }
      return sb.toString();
    }
  }

  private static String mutate(String s, Random random) {
    int at = random.nextInt(s.length());
    char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
    return switch (random.nextInt(7)) {
      case 0 -> s.substring(0, at); // truncated
      case 1 -> s.substring(0, at) + s.substring(at + 1); // a character lost
      case 2 -> s.substring(0, at) + c + s.substring(at); // a character inserted
      case 3 -> s.substring(0, at) + c + s.substring(at + 1); // a character replaced
      case 4 -> {
        int to = Math.min(s.length(), at + 1 + random.nextInt(12));
        yield s.substring(0, to) + s.substring(at, to) + s.substring(to); // a span repeated
      }
      case 5 -> {
        int to = Math.min(s.length(), at + 1 + random.nextInt(12));
        yield s.substring(0, at) + s.substring(to); // a span lost
      }
      default -> s; // intact
    };
  }

  /** Depth, book-ticker and trade frames of the first 2,000 lines of the BTCUSDT recording. */
  private static List<String> recordedFrames() throws IOException {
    String root = System.getProperty("tradekit.refdata");
    Assumptions.assumeTrue(
        root != null && Files.isDirectory(Path.of(root, "binance-usdm")),
        "reference data not found: set -Dtradekit.refdata to the shared data folder");
    Path file = Path.of(Objects.requireNonNull(root), "binance-usdm", "btcusdt_20240808.gz");
    List<String> frames = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (int n = 0; n < 2000; n++) {
        String line = Objects.requireNonNull(in.readLine());
        String body = line.substring(line.indexOf(' ') + 1);
        if (body.startsWith("{\"stream\"")) {
          frames.add(body);
        }
      }
    }
    return frames;
  }
}
