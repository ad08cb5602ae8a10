package dev.tradekit.testkit;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Ticker24h;
import java.math.BigDecimal;
import java.util.List;

/**
 * Renders trade history, income, 24 h tickers and klines in Binance USD-M's REST JSON shapes (the
 * {@link BinanceWire} of the history endpoints).
 */
final class HistoryWire {
  private HistoryWire() {}

  static String userTrades(List<Fill> fills, String marginAsset) {
    Json j = new Json().arr();
    for (Fill f : fills) {
      j.obj().str("symbol", f.symbol()).num("id", BinanceWire.orderId(f.tradeId()));
      j.num("orderId", BinanceWire.orderId(f.orderId())).str("side", f.side().name());
      j.str("price", BinanceWire.plain(f.price())).str("qty", BinanceWire.plain(f.quantity()));
      j.str("realizedPnl", BinanceWire.plain(f.realizedPnl())).str("marginAsset", marginAsset);
      j.str("quoteQty", BinanceWire.plain(f.notional()));
      j.str("commission", BinanceWire.plain(f.commission()));
      j.str("commissionAsset", f.commissionAsset()).num("time", f.time());
      j.str("positionSide", f.positionSide().name()).bool("maker", f.maker());
      j.bool("buyer", f.side() == Side.BUY).end();
    }
    return j.endArr().toString();
  }

  static String income(List<Income> entries) {
    Json j = new Json().arr();
    for (Income i : entries) {
      j.obj().str("symbol", i.symbol()).str("incomeType", i.type());
      j.str("income", BinanceWire.plain(i.amount())).str("asset", i.asset()).str("info", "");
      j.num("time", i.time()).num("tranId", BinanceWire.orderId(i.tranId()));
      j.str("tradeId", "").end();
    }
    return j.endArr().toString();
  }

  static String ticker(List<Ticker24h> tickers, boolean single) {
    Json j = new Json();
    if (!single) {
      j.arr();
    }
    for (Ticker24h t : tickers) {
      BigDecimal change = t.lastPrice().subtract(t.openPrice());
      BigDecimal vwap =
          t.volume().signum() == 0
              ? t.lastPrice()
              : t.quoteVolume().divide(t.volume(), 8, java.math.RoundingMode.HALF_EVEN);
      j.obj().str("symbol", t.symbol()).str("priceChange", BinanceWire.plain(change));
      j.str("priceChangePercent", BinanceWire.plain(t.priceChangePercent()));
      j.str("weightedAvgPrice", BinanceWire.plain(vwap));
      j.str("lastPrice", BinanceWire.plain(t.lastPrice())).str("lastQty", "0");
      j.str("openPrice", BinanceWire.plain(t.openPrice()));
      j.str("highPrice", BinanceWire.plain(t.highPrice()));
      j.str("lowPrice", BinanceWire.plain(t.lowPrice()));
      j.str("volume", BinanceWire.plain(t.volume()));
      j.str("quoteVolume", BinanceWire.plain(t.quoteVolume()));
      j.num("openTime", t.openTime()).num("closeTime", t.closeTime());
      j.num("firstId", 0).num("lastId", Math.max(0, t.count() - 1)).num("count", t.count()).end();
    }
    if (!single) {
      j.endArr();
    }
    return j.toString();
  }

  static String klines(List<Kline> klines) {
    Json j = new Json().arr();
    for (Kline k : klines) {
      BigDecimal takerQuote =
          k.volume().signum() == 0
              ? BigDecimal.ZERO
              : k.quoteVolume()
                  .multiply(k.takerBuyBaseVolume())
                  .divide(k.volume(), 8, java.math.RoundingMode.HALF_EVEN);
      j.arr().num(k.openTime()).str(BinanceWire.plain(k.open())).str(BinanceWire.plain(k.high()));
      j.str(BinanceWire.plain(k.low())).str(BinanceWire.plain(k.close()));
      j.str(BinanceWire.plain(k.volume())).num(k.closeTime());
      j.str(BinanceWire.plain(k.quoteVolume())).num(k.trades());
      j.str(BinanceWire.plain(k.takerBuyBaseVolume())).str(BinanceWire.plain(takerQuote));
      j.str("0").endArr();
    }
    return j.endArr().toString();
  }
}
