package dev.tradekit.binance;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Hand-written Moshi adapters for Binance's array-shaped values. */
final class WireAdapters {
  private WireAdapters() {}

  /** {@code ["price","qty"]} ↔ {@link PriceLevel}; extra elements are skipped. */
  static final class PriceLevelAdapter extends JsonAdapter<PriceLevel> {
    @Override
    public PriceLevel fromJson(JsonReader reader) throws IOException {
      reader.beginArray();
      String price = reader.nextString();
      String qty = reader.nextString();
      skipRest(reader);
      reader.endArray();
      return new PriceLevel(price, qty);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable PriceLevel value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      writer.beginArray().value(value.price()).value(value.qty()).endArray();
    }
  }

  /**
   * A kline array {@code [openTime, "open", "high", "low", "close", "volume", closeTime,
   * "quoteVolume", trades, "takerBuyBase", "takerBuyQuote", "ignore"]} ↔ {@link KlineDto}.
   */
  static final class KlineAdapter extends JsonAdapter<KlineDto> {
    @Override
    public KlineDto fromJson(JsonReader reader) throws IOException {
      reader.beginArray();
      long openTime = reader.nextLong();
      String open = reader.nextString();
      String high = reader.nextString();
      String low = reader.nextString();
      String close = reader.nextString();
      String volume = reader.nextString();
      long closeTime = reader.nextLong();
      String quoteVolume = reader.nextString();
      long trades = reader.nextLong();
      String takerBase = reader.nextString();
      String takerQuote = reader.nextString();
      skipRest(reader);
      reader.endArray();
      if (closeTime < openTime) {
        throw new JsonDataException(
            "kline closeTime "
                + closeTime
                + " is before openTime "
                + openTime
                + " at "
                + reader.getPath());
      }
      return new KlineDto(
          openTime,
          open,
          high,
          low,
          close,
          volume,
          closeTime,
          quoteVolume,
          trades,
          takerBase,
          takerQuote);
    }

    @Override
    public void toJson(JsonWriter writer, @Nullable KlineDto k) throws IOException {
      if (k == null) {
        writer.nullValue();
        return;
      }
      writer
          .beginArray()
          .value(k.openTime())
          .value(k.open())
          .value(k.high())
          .value(k.low())
          .value(k.close())
          .value(k.volume())
          .value(k.closeTime())
          .value(k.quoteVolume())
          .value(k.trades())
          .value(k.takerBuyBaseVolume())
          .value(k.takerBuyQuoteVolume())
          .value("0")
          .endArray();
    }
  }

  private static void skipRest(JsonReader reader) throws IOException {
    while (reader.hasNext()) {
      reader.skipValue();
    }
  }
}
