package dev.tradekit.server;

import dev.tradekit.notify.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A loopback webhook receiver's dispatcher: keeps what is signed with the secret, refuses the rest.
 */
final class SignedWebhooks {
  private SignedWebhooks() {}

  /**
   * Answers 204 and adds the body to {@code signed} when the Standard Webhooks signature verifies
   * with {@code secret}; else answers 401 and adds it to {@code unsigned}.
   */
  static Dispatcher receiver(String secret, List<String> signed, List<String> unsigned) {
    WebhookVerifier verifier =
        new WebhookVerifier(secret, Duration.ofMinutes(5), System::currentTimeMillis);
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        byte[] body = request.getBody().readByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        if (!verifier.isValid(
            request.getHeader("webhook-id"),
            request.getHeader("webhook-timestamp"),
            request.getHeader("webhook-signature"),
            body)) {
          unsigned.add(text);
          return new MockResponse().setResponseCode(401);
        }
        signed.add(text);
        return new MockResponse().setResponseCode(204);
      }
    };
  }
}
