package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.Side;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs each adapter benchmark once; the parsers must agree with each other. */
class AdapterBenchmarkTest {
  private final AdapterBenchmark benchmark = new AdapterBenchmark();

  @BeforeEach
  void requireData() {
    String dir = System.getProperty("tradekit.refdata");
    assumeTrue(
        dir != null && Files.isRegularFile(Path.of(dir, Payloads.RECORDING)),
        "reference data absent: set -Dtradekit.refdata to ../shared/data");
    benchmark.load();
  }

  @Test
  void orderPathsBuildSignAndSerialise() {
    Map<String, String> params = benchmark.orderBuild();
    assertThat(params).containsEntry("price", "61705.3").containsEntry("quantity", "0.015");
    assertThat(params.get("newClientOrderId")).startsWith("tk-");
    assertThat(benchmark.orderSign())
        .startsWith("symbol=BTCUSDT&")
        .endsWith("&signature=" + benchmark.hmacNewMac());
    assertThat(benchmark.hmacReusedMac()).isEqualTo(benchmark.hmacNewMac()).hasSize(64);
    String body = new String(benchmark.orderBuildSignSerialise(), StandardCharsets.UTF_8);
    assertThat(body).contains("&timestamp=1723161256299&signature=");
  }

  @Test
  void depthReplyParsersAgreeOnAThousandLevelsASide() throws Exception {
    OrderBookSnapshot snapshot = benchmark.depthReplyMoshiReflection();
    assertThat(snapshot.bids()).hasSize(1_000);
    assertThat(snapshot.asks()).hasSize(1_000);
    assertThat(benchmark.depthReplyMoshiStreaming()).isEqualTo(2_000);
    assertThat(benchmark.depthReplyCursor()).isEqualTo(2_000);
  }

  @Test
  void depthUpdateParsersAgreeOnTheLevels() throws Exception {
    int levels = benchmark.depthUpdateCursor();
    assertThat(levels).isGreaterThan(10);
    assertThat(benchmark.depthUpdateMoshiStreaming()).isEqualTo(levels);
    MarketEventDto.DepthUpdate dto =
        (MarketEventDto.DepthUpdate) new BinanceJson().marketFrame(benchmark.depthFrame).data();
    assertThat(dto.bids.size() + dto.asks.size()).isEqualTo(levels);
    assertThat(benchmark.depthUpdateMoshiReflection()).isGreaterThan(dto.finalUpdateId);
    OrderBook book = benchmark.cursorFrameAsBook();
    assertThat(book.depth(Side.BUY) + book.depth(Side.SELL)).isPositive();
    assertThat(benchmark.depthUpdateCursorAndApply()).isEqualTo(dto.finalUpdateId);
    assertThat(benchmark.depthUpdateDecodeAndApply()).isEqualTo(dto.finalUpdateId);
  }
}
