package dev.tradekit.binance;

import static dev.tradekit.binance.WireNumbers.dec;
import static dev.tradekit.binance.WireNumbers.decOrZero;

import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.Ticker24h;
import java.util.ArrayList;
import java.util.List;

/** Public market-data replies → tickers, book ticker, klines and book snapshots. */
final class MarketMapper {
  private MarketMapper() {}

  static Ticker24h ticker(Ticker24hDto t) {
    return new Ticker24h(
        t.symbol,
        decOrZero(t.lastPrice, "lastPrice"),
        decOrZero(t.openPrice, "openPrice"),
        decOrZero(t.highPrice, "highPrice"),
        decOrZero(t.lowPrice, "lowPrice"),
        decOrZero(t.volume, "volume"),
        decOrZero(t.quoteVolume, "quoteVolume"),
        decOrZero(t.priceChangePercent, "priceChangePercent"),
        t.openTime,
        Math.max(t.openTime, t.closeTime),
        t.count);
  }

  static List<Ticker24h> tickers(List<Ticker24hDto> dtos) {
    List<Ticker24h> out = new ArrayList<>(dtos.size());
    for (Ticker24hDto t : dtos) {
      out.add(ticker(t));
    }
    return out;
  }

  static BookTicker bookTicker(BookTickerDto b) {
    return new BookTicker(
        b.symbol,
        b.lastUpdateId,
        dec(b.bidPrice, "bidPrice"),
        dec(b.bidQty, "bidQty"),
        dec(b.askPrice, "askPrice"),
        dec(b.askQty, "askQty"),
        b.time);
  }

  static Kline kline(String symbol, KlineInterval interval, KlineDto k) {
    return new Kline(
        symbol,
        interval,
        k.openTime(),
        k.closeTime(),
        dec(k.open(), "open"),
        dec(k.high(), "high"),
        dec(k.low(), "low"),
        dec(k.close(), "close"),
        dec(k.volume(), "volume"),
        dec(k.quoteVolume(), "quoteVolume"),
        k.trades(),
        dec(k.takerBuyBaseVolume(), "takerBuyBaseVolume"));
  }

  static List<Kline> klines(String symbol, KlineInterval interval, List<KlineDto> dtos) {
    List<Kline> out = new ArrayList<>(dtos.size());
    for (KlineDto k : dtos) {
      out.add(kline(symbol, interval, k));
    }
    return out;
  }

  /** A depth reply; the time is the transaction time {@code T}, else the event time {@code E}. */
  static OrderBookSnapshot depth(String symbol, DepthDto d) {
    return new OrderBookSnapshot(
        symbol,
        d.lastUpdateId,
        d.transactionTime != 0 ? d.transactionTime : d.eventTime,
        levels(d.bids),
        levels(d.asks));
  }

  private static List<dev.tradekit.api.model.PriceLevel> levels(List<PriceLevel> wire) {
    List<dev.tradekit.api.model.PriceLevel> out = new ArrayList<>(wire.size());
    for (PriceLevel l : wire) {
      out.add(new dev.tradekit.api.model.PriceLevel(dec(l.price(), "price"), dec(l.qty(), "qty")));
    }
    return out;
  }
}
