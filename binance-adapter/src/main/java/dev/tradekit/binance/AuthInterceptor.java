package dev.tradekit.binance;

import dev.tradekit.api.Credentials;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Authenticates requests tagged with a {@link Wire}: adds {@code X-MBX-APIKEY} and, for signed
 * requests, signs the query string exactly as the client encoded it and appends {@code recvWindow},
 * {@code timestamp} and {@code signature}. Signing here, as the request leaves, gives every attempt
 * (after a limiter wait or a retry) a fresh timestamp. A request with a send deadline gets the
 * {@code recvWindow} left until it, or is refused here with {@link DeadlinePassedException}.
 */
final class AuthInterceptor implements Interceptor {
  static final String API_KEY_HEADER = "X-MBX-APIKEY";

  private final @Nullable Credentials credentials;
  private final @Nullable RequestSigner signer;

  AuthInterceptor(@Nullable Credentials credentials, @Nullable RequestSigner signer) {
    this.credentials = credentials;
    this.signer = signer;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Wire wire = request.tag(Wire.class);
    if (wire == null) {
      return chain.proceed(request);
    }
    if (credentials == null || signer == null) {
      throw new IOException("this request needs credentials, and the exchange has none");
    }
    Request.Builder b = request.newBuilder().header(API_KEY_HEADER, credentials.apiKey());
    if (wire.auth() == Wire.Auth.SIGNED) {
      String query = request.url().encodedQuery();
      String encoded = query == null ? "" : query;
      Long deadline = wire.deadline();
      // signed as late as this client can: a request past its deadline is not sent at all
      String signed =
          (deadline == null
                  ? signer.signEncoded(encoded)
                  : signer.signEncodedBefore(encoded, deadline))
              .query();
      HttpUrl url = request.url().newBuilder().encodedQuery(signed).build();
      if (!signed.equals(url.encodedQuery())) {
        throw new IOException(
            "the URL encoder would change the signed query of "
                + request.url().encodedPath()
                + "; refusing to send a request whose signature would not match");
      }
      b.url(url);
    }
    return chain.proceed(b.build());
  }
}
