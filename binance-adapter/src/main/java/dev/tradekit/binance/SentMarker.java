package dev.tradekit.binance;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that marks a request's {@link Wire} as sent once it has a connection and is
 * about to be written. A failure after this point may have reached the venue; before it, it cannot.
 */
final class SentMarker implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Wire wire = chain.request().tag(Wire.class);
    if (wire != null) {
      wire.markSent();
    }
    return chain.proceed(chain.request());
  }
}
