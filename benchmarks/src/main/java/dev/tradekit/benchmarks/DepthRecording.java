package dev.tradekit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.BinanceFrameDecoder;
import dev.tradekit.backtest.data.MarketEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The BTCUSDT recording's REST snapshot and the diff-depth frames that follow it in an unbroken
 * {@code pu} chain, as raw JSON and decoded twice: into primitives by the backtest parser (for our
 * book) and into {@link BigDecimal}s by Jackson (for XChange). The two decodings are checked
 * against each other level by level.
 */
final class DepthRecording {
  final String snapshotJson;
  final long snapshotUpdateId;
  final long snapshotTime;
  final long[] snapBidTicks;
  final double[] snapBidQty;
  final long[] snapAskTicks;
  final double[] snapAskQty;
  final BigDecimal[][] snapBids; // [level] = {price, qty}
  final BigDecimal[][] snapAsks;

  final String[] frames; // applied diffs, raw
  final int[] diffEnd; // exclusive end of each diff's levels in the arrays below
  final long[] diffUpdateId;
  final long[] diffTime;
  final boolean[] bid;
  final long[] ticks;
  final double[] qty;
  final BigDecimal[] priceDecimal;
  final BigDecimal[] qtyDecimal;

  private DepthRecording(
      String snapshotJson,
      MarketEvent snap,
      BigDecimal[][] snapBids,
      BigDecimal[][] snapAsks,
      List<String> frames,
      List<MarketEvent> diffs,
      List<BigDecimal[]> decimals) {
    this.snapshotJson = snapshotJson;
    this.snapshotUpdateId = snap.lastUpdateId();
    this.snapshotTime = snap.eventTime();
    this.snapBidTicks = levelTicks(snap, Side.BUY);
    this.snapBidQty = levelQty(snap, Side.BUY);
    this.snapAskTicks = levelTicks(snap, Side.SELL);
    this.snapAskQty = levelQty(snap, Side.SELL);
    this.snapBids = snapBids;
    this.snapAsks = snapAsks;
    this.frames = frames.toArray(new String[0]);
    int n = decimals.size();
    this.diffEnd = new int[diffs.size()];
    this.diffUpdateId = new long[diffs.size()];
    this.diffTime = new long[diffs.size()];
    this.bid = new boolean[n];
    this.ticks = new long[n];
    this.qty = new double[n];
    this.priceDecimal = new BigDecimal[n];
    this.qtyDecimal = new BigDecimal[n];
    int at = 0;
    for (int d = 0; d < diffs.size(); d++) {
      MarketEvent e = diffs.get(d);
      for (Side side : new Side[] {Side.BUY, Side.SELL}) {
        for (int i = 0; i < e.levelCount(side); i++) {
          bid[at] = side == Side.BUY;
          ticks[at] = e.levelPriceTicks(side, i);
          qty[at] = e.levelQuantity(side, i);
          priceDecimal[at] = decimals.get(at)[0];
          qtyDecimal[at] = decimals.get(at)[1];
          check(priceDecimal[at], qtyDecimal[at], ticks[at], qty[at]);
          at++;
        }
      }
      diffEnd[d] = at;
      diffUpdateId[d] = e.lastUpdateId();
      diffTime[d] = e.eventTime();
    }
    if (at != n) {
      throw new IllegalStateException("decoders disagree on the level count: " + at + " vs " + n);
    }
  }

  int updates() {
    return ticks.length;
  }

  static DepthRecording load(Path gz) {
    ObjectMapper jackson = new ObjectMapper();
    BinanceFrameDecoder decoder = new BinanceFrameDecoder(ReplayBenchmark.SCALES);
    MarketEvent e = new MarketEvent();
    String snapshotJson = null;
    MarketEvent snapshot = null;
    List<String> diffFrames = new ArrayList<>();
    List<MarketEvent> diffs = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz), 1 << 16), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String json = line.substring(line.indexOf(' ') + 1);
        if (!decoder.decode(json, e)) {
          continue;
        }
        if (e.type() == MarketEvent.Type.DEPTH_SNAPSHOT) {
          snapshotJson = json;
          snapshot = e.copyOf();
        } else if (e.type() == MarketEvent.Type.DEPTH_UPDATE) {
          diffFrames.add(json);
          diffs.add(e.copyOf());
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    if (snapshot == null || snapshotJson == null) {
      throw new IllegalStateException("no depth snapshot in " + gz);
    }
    // the diffs that a synchroniser applies: from the one with U <= lastUpdateId <= u, chained by
    // pu
    List<String> applied = new ArrayList<>();
    List<MarketEvent> appliedDiffs = new ArrayList<>();
    long last = snapshot.lastUpdateId();
    for (int i = 0; i < diffs.size(); i++) {
      MarketEvent d = diffs.get(i);
      if (d.lastUpdateId() < snapshot.lastUpdateId()) {
        continue;
      }
      boolean first = appliedDiffs.isEmpty();
      if (first ? d.firstUpdateId() > last : d.prevUpdateId() != last) {
        throw new IllegalStateException("the recording's diff chain breaks at update " + d);
      }
      applied.add(diffFrames.get(i));
      appliedDiffs.add(d);
      last = d.lastUpdateId();
    }
    try {
      JsonNode snap = jackson.readTree(snapshotJson);
      List<BigDecimal[]> levels = new ArrayList<>();
      for (String frame : applied) {
        JsonNode data = jackson.readTree(frame).get("data");
        decimals(data.get("b"), levels);
        decimals(data.get("a"), levels);
      }
      return new DepthRecording(
          snapshotJson,
          snapshot,
          positive(decimals(snap.get("bids"), new ArrayList<>())),
          positive(decimals(snap.get("asks"), new ArrayList<>())),
          applied,
          appliedDiffs,
          levels);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static List<BigDecimal[]> decimals(JsonNode array, List<BigDecimal[]> into) {
    for (JsonNode level : array) {
      into.add(
          new BigDecimal[] {
            new BigDecimal(level.get(0).asText()), new BigDecimal(level.get(1).asText())
          });
    }
    return into;
  }

  private static BigDecimal[][] positive(List<BigDecimal[]> levels) {
    return levels.stream().filter(l -> l[1].signum() > 0).toArray(BigDecimal[][]::new);
  }

  private static long[] levelTicks(MarketEvent e, Side side) {
    long[] out = new long[e.levelCount(side)];
    for (int i = 0; i < out.length; i++) {
      out[i] = e.levelPriceTicks(side, i);
    }
    return out;
  }

  private static double[] levelQty(MarketEvent e, Side side) {
    double[] out = new double[e.levelCount(side)];
    for (int i = 0; i < out.length; i++) {
      out[i] = e.levelQuantity(side, i);
    }
    return out;
  }

  private static void check(BigDecimal price, BigDecimal qty, long ticks, double q) {
    if (price.movePointRight(1).longValueExact() != ticks || qty.doubleValue() != q) {
      throw new IllegalStateException(
          "decoders disagree: " + price + "/" + qty + " vs " + ticks + "/" + q);
    }
  }
}
