package dev.tradekit.binance;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The one Moshi set-up for Binance USD-M wire formats, plus helpers for the WebSocket frames and
 * error bodies. Numbers that arrive as strings (as in ccxt recordings, and {@code E} of {@code
 * listenKeyExpired}) are accepted wherever a number is expected; unknown fields are ignored.
 * Immutable and thread-safe: build one and share it.
 */
final class BinanceJson {
  private final Moshi moshi;
  private final JsonAdapter<MarketEventDto> marketEvent;
  private final JsonAdapter<UserEventDto> userEvent;
  private final JsonAdapter<ErrorBodyDto> errorBody;
  private final JsonReader.Options frameNames = JsonReader.Options.of("stream", "data");

  BinanceJson() {
    this.moshi =
        new Moshi.Builder()
            .add(PriceLevel.class, new WireAdapters.PriceLevelAdapter().nullSafe())
            .add(KlineDto.class, new WireAdapters.KlineAdapter().nullSafe())
            .add(
                new EventTypeAdapterFactory<>(
                    MarketEventDto.class,
                    "e",
                    Map.of(
                        "depthUpdate", MarketEventDto.DepthUpdate.class,
                        "bookTicker", MarketEventDto.BookTicker.class,
                        "aggTrade", MarketEventDto.AggTrade.class,
                        "trade", MarketEventDto.Trade.class,
                        "markPriceUpdate", MarketEventDto.MarkPrice.class,
                        "kline", MarketEventDto.Kline.class),
                    MarketEventDto.Unknown.class))
            .add(
                new EventTypeAdapterFactory<>(
                    UserEventDto.class,
                    "e",
                    Map.of(
                        "ORDER_TRADE_UPDATE", UserEventDto.OrderTradeUpdate.class,
                        "ACCOUNT_UPDATE", UserEventDto.AccountUpdate.class,
                        "listenKeyExpired", UserEventDto.ListenKeyExpired.class,
                        "ALGO_UPDATE", UserEventDto.AlgoUpdate.class),
                    UserEventDto.Unknown.class))
            .build();
    this.marketEvent = moshi.adapter(MarketEventDto.class);
    this.userEvent = moshi.adapter(UserEventDto.class);
    this.errorBody = moshi.adapter(ErrorBodyDto.class);
  }

  /** The Moshi instance, e.g. for Retrofit's {@code MoshiConverterFactory.create(json.moshi())}. */
  Moshi moshi() {
    return moshi;
  }

  /** Parses {@code json} as {@code type}. */
  <T> T parse(Class<T> type, String json) throws IOException {
    return requireValue(moshi.adapter(type).fromJson(json), type.getSimpleName());
  }

  /** Parses a JSON array of {@code element}. */
  <T> List<T> parseList(Class<T> element, String json) throws IOException {
    JsonAdapter<List<T>> adapter = moshi.adapter(Types.newParameterizedType(List.class, element));
    return requireValue(adapter.fromJson(json), "list of " + element.getSimpleName());
  }

  /**
   * Parses one market-stream message: a combined-stream frame {@code {"stream":..,"data":{..}}} or
   * a raw event (then the stream name is empty).
   */
  MarketFrame marketFrame(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    if (!isEnvelope(reader)) {
      return new MarketFrame("", requireValue(marketEvent.fromJson(reader), "market event"));
    }
    String stream = "";
    MarketEventDto data = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(frameNames)) {
        case 0 -> stream = reader.nextString();
        case 1 -> data = marketEvent.fromJson(reader);
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    return new MarketFrame(stream, requireValue(data, "data of stream '" + stream + "'"));
  }

  /** Parses one user-data-stream message, raw or wrapped in a combined-stream frame. */
  UserEventDto userEvent(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    if (!isEnvelope(reader)) {
      return requireValue(userEvent.fromJson(reader), "user event");
    }
    UserEventDto data = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.selectName(frameNames)) {
        case 0 -> reader.skipValue();
        case 1 -> data = userEvent.fromJson(reader);
        default -> {
          reader.skipName();
          reader.skipValue();
        }
      }
    }
    reader.endObject();
    return requireValue(data, "data of user stream frame");
  }

  /**
   * Reads an error reply body. A body that is not a Binance error object (an HTML page from a
   * proxy, an empty body) becomes code 0 with the text as the message.
   */
  ErrorBodyDto errorBody(String body) {
    try {
      ErrorBodyDto dto = errorBody.fromJson(body);
      if (dto != null && (dto.code != 0 || !dto.msg.isEmpty())) {
        return dto;
      }
    } catch (IOException | JsonDataException | IllegalStateException e) {
      // Not JSON, or not an error object: fall through and keep the text.
    }
    ErrorBodyDto text = new ErrorBodyDto();
    text.msg = body.strip();
    return text;
  }

  /** Whether the object at the reader starts with a combined-stream name (stream or data). */
  private boolean isEnvelope(JsonReader reader) throws IOException {
    try (JsonReader peeked = reader.peekJson()) {
      peeked.beginObject();
      return peeked.hasNext() && peeked.selectName(frameNames) >= 0;
    }
  }

  private static <T> T requireValue(@Nullable T value, String what) {
    if (value == null) {
      throw new JsonDataException("expected " + what + " but the JSON was null");
    }
    return value;
  }
}
