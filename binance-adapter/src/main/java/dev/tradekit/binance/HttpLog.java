package dev.tradekit.binance;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each REST exchange at INFO: method, path, query with the {@code signature} redacted, status
 * and time. Headers (which carry {@code X-MBX-APIKEY}) and bodies are never logged.
 */
final class HttpLog implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(HttpLog.class);
  private static final Pattern SIGNATURE = Pattern.compile("signature=[^&]*");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String target = redactedTarget(request);
    long start = System.nanoTime();
    LOG.info("--> {} {}", request.method(), target);
    try {
      Response response = chain.proceed(request);
      LOG.info(
          "<-- {} {} {} ({} ms)",
          response.code(),
          request.method(),
          request.url().encodedPath(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      return response;
    } catch (IOException e) {
      LOG.info(
          "<-- failed {} {}: {}",
          request.method(),
          request.url().encodedPath(),
          e.getClass().getSimpleName());
      throw e;
    }
  }

  /** The path and query of {@code request} with the signature value replaced. */
  static String redactedTarget(Request request) {
    String query = request.url().encodedQuery();
    String path = request.url().encodedPath();
    if (query == null) {
      return path;
    }
    return path + "?" + SIGNATURE.matcher(query).replaceAll("signature=<redacted>");
  }
}
