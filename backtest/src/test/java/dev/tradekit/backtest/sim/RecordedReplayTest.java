package dev.tradekit.backtest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Replays the real Binance BTCUSDT recording of 2024-08-08 through the venue with orders resting at
 * the touch, filled only by queue position, and checks that the books balance.
 */
class RecordedReplayTest {

  private static Path recording() {
    String root = System.getProperty("tradekit.refdata");
    Assumptions.assumeTrue(root != null, "tradekit.refdata is not set: no reference data");
    Path file = Path.of(root).resolve("binance-usdm/btcusdt_20240808.gz");
    Assumptions.assumeTrue(Files.exists(file), "reference data missing: " + file);
    return file;
  }

  @Test
  void restingOrdersAtTheTouchFillByQueuePositionAndTheAccountBalances() {
    Path file = recording();
    Instrument btc =
        Instrument.builder()
            .symbol("BTCUSDT")
            .baseAsset("BTC")
            .quoteAsset("USDT")
            .tickSize(new BigDecimal("0.1"))
            .stepSize(new BigDecimal("0.001"))
            .minQty(new BigDecimal("0.001"))
            .minNotional(new BigDecimal("100"))
            .build();
    VirtualScheduler clock = new VirtualScheduler(0);
    SimVenue venue =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(btc)
            .orderLatency(LatencyModel.fixed(Duration.ofMillis(10)))
            .marketDataLatency(LatencyModel.fixed(Duration.ofMillis(5)))
            .build();
    Exchange ex = venue.openAccount("maker", AccountSetup.usdt(new BigDecimal("100000")));
    List<Fill> fills = new ArrayList<>();
    ex.streams()
        .userEvents(
            new dev.tradekit.api.UserEventListener() {
              @Override
              public void onFill(Fill fill) {
                fills.add(fill);
              }
            });
    TickScale scale = TickScale.of(btc.tickSize());
    int placed = 0;
    try (MarketDataSource data =
        MarketDataSources.binanceRecording(file, Map.of("BTCUSDT", scale))) {
      MarketReplay replay = new MarketReplay(data, venue);
      replay.runUntil(1_723_161_260_000L); // a few seconds in: the book is synced
      while (!replay.isFinished()) {
        OrderBookView book = venue.book("BTCUSDT");
        if (kitOpenOrders(ex, clock) == 0 && !book.isEmpty(Side.BUY) && !book.isEmpty(Side.SELL)) {
          BigDecimal qty = new BigDecimal("0.010");
          ex.trading()
              .place(
                  OrderRequest.postOnly(
                      "BTCUSDT", Side.BUY, qty, scale.toPrice(book.bestBidTicks())));
          ex.trading()
              .place(
                  OrderRequest.postOnly(
                      "BTCUSDT", Side.SELL, qty, scale.toPrice(book.bestAskTicks())));
          placed += 2;
        }
        replay.runUntil(clock.currentTimeMillis() + 5_000);
      }
      System.out.printf(
          "btcusdt_20240808: %d events, %d orders placed, %d fills%n",
          replay.eventsProcessed(), placed, fills.size());
    }
    assertThat(fills).isNotEmpty().allMatch(Fill::maker);

    CompletableFuture<AccountSnapshot> snap = ex.account().snapshot();
    CompletableFuture<List<Income>> inc = ex.account().income(null, 0, Long.MAX_VALUE);
    clock.advanceBy(Duration.ofSeconds(1));
    Balance usdt = snap.join().balance("USDT").orElseThrow();
    BigDecimal realized = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;
    for (Fill f : fills) {
      realized = realized.add(f.realizedPnl());
      fees = fees.add(f.commission());
    }
    // wallet + unrealised change == realised + unrealised - fees
    BigDecimal equityChange =
        usdt.walletBalance().add(usdt.unrealizedPnl()).subtract(new BigDecimal("100000"));
    assertThat(equityChange)
        .isEqualByComparingTo(realized.add(usdt.unrealizedPnl()).subtract(fees));
    BigDecimal incomeSum =
        inc.join().stream().map(Income::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(incomeSum).isEqualByComparingTo(realized.subtract(fees));
    BigDecimal position =
        fills.stream().map(Fill::signedQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal reported =
        snap.join().positions("BTCUSDT").stream()
            .map(p -> p.amount())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(reported).isEqualByComparingTo(position);
  }

  private static int kitOpenOrders(Exchange ex, VirtualScheduler clock) {
    CompletableFuture<List<dev.tradekit.api.model.Order>> open = ex.trading().openOrders("BTCUSDT");
    clock.advanceBy(Duration.ofMillis(10));
    return open.join().size();
  }
}
