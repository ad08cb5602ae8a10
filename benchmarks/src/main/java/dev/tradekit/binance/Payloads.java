package dev.tradekit.binance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The adapter benchmark's payloads, taken from the BTCUSDT recording in the shared data. */
record Payloads(String depthReply, String depthFrame) {
  static final String RECORDING = "binance-usdm/btcusdt_20240808.gz";

  /** A typical signed order payload (what {@code RequestSigner} signs). */
  static final String SIGNED_PAYLOAD =
      "symbol=BTCUSDT&side=BUY&positionSide=BOTH&type=LIMIT&timeInForce=GTC&quantity=0.015"
          + "&price=61705.3&newClientOrderId=tk-3k2j8f1b0x9qz7m4c5v6n1l2p0&newOrderRespType=RESULT"
          + "&recvWindow=5000&timestamp=1723161256299";

  static Payloads load() {
    Path file =
        Path.of(System.getProperty("tradekit.refdata", "../shared/data"))
            .resolve(RECORDING)
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "benchmark data not found: " + file + "; pass -Dtradekit.refdata=/path/to/shared/data");
    }
    String reply = null;
    List<String> frames = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String json = line.substring(line.indexOf(' ') + 1);
        if (json.startsWith("{\"lastUpdateId\"")) {
          reply = json;
        } else if (json.contains("\"e\":\"depthUpdate\"")) {
          frames.add(json);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (reply == null || frames.isEmpty()) {
      throw new IllegalStateException("no depth reply or no depth updates in " + file);
    }
    frames.sort(Comparator.comparingInt(String::length));
    return new Payloads(reply, frames.get(frames.size() / 2));
  }
}
