package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bot's fill log on a real SQLite file: kept across runs, once per fill, paged and summed. */
class FillLogIT {
  @TempDir Path dir;

  private static Fill fill(String tradeId, Side side, String pnl, String fee, long time) {
    return Fill.builder()
        .symbol("BTCUSDT")
        .tradeId(tradeId)
        .orderId("o" + tradeId)
        .clientOrderId("tkabc-" + tradeId)
        .side(side)
        .price(new BigDecimal("60000.1"))
        .quantity(new BigDecimal("0.002"))
        .commission(new BigDecimal(fee))
        .commissionAsset("USDT")
        .realizedPnl(new BigDecimal(pnl))
        .maker(true)
        .time(time)
        .build();
  }

  @Test
  void keepsFillsAcrossRunsOnceEachNewestFirstAndSumsOnlyThem() {
    Path file = FillLog.file(dir, "bot_1");
    try (FillLog first = new FillLog(file, "bot_1")) {
      first.add(fill("1", Side.BUY, "0", "0.024", 1_000));
      first.add(fill("2", Side.SELL, "0.5", "0.024", 2_000));
    }
    try (FillLog second = new FillLog(file, "bot_1")) {
      second.add(fill("2", Side.SELL, "0.5", "0.024", 2_000)); // the same fill again
      second.add(fill("3", Side.SELL, "-0.2", "0.024", 90_000_000));
    }
    try (FillLog log = new FillLog(file, "bot_1")) {
      List<Map<String, Object>> all = log.page(0, 100, null, null);
      assertThat(all).extracting(m -> m.get("tradeId")).containsExactly("3", "2", "1");
      assertThat(all.get(2))
          .containsEntry("price", "60000.1")
          .containsEntry("side", "BUY")
          .containsEntry("clientOrderId", "tkabc-1")
          .containsEntry("maker", true);
      assertThat(log.page(1, 1, null, null)).extracting(m -> m.get("tradeId")).containsExactly("2");
      assertThat(log.page(0, 100, null, "BUY")).hasSize(1);
      assertThat(log.page(0, 100, "ETHUSDT", null)).isEmpty();

      Map<String, BigDecimal> usdt =
          java.util.Objects.requireNonNull(log.totals("USDT", 86_400_000).get("USDT"));
      assertThat(usdt.get("realized_pnl")).isEqualByComparingTo("0.3");
      assertThat(usdt.get("commission")).isEqualByComparingTo("-0.072");
      assertThat(usdt.get("total")).isEqualByComparingTo("0.228");
      assertThat(usdt.get("today"))
          .as("only the fill after midnight")
          .isEqualByComparingTo("-0.224");
    }
  }
}
