package dev.tradekit.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
  // the example of the Standard Webhooks reference libraries
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TS = 1614265330L;
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

  private final WebhookVerifier verifier =
      new WebhookVerifier(SECRET, Duration.ofMinutes(5), () -> TS * 1000 + 10_000);

  @Test
  void signsLikeTheStandardWebhooksReferenceExample() {
    assertThat(WebhookSigning.sign(WebhookSigning.key(SECRET), ID, TS, BODY))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void acceptsAValidSignatureAmongSeveral() {
    String sig = WebhookSigning.sign(WebhookSigning.key(SECRET), ID, TS, BODY);
    assertThat(verifier.isValid(ID, Long.toString(TS), "v1,AAAA " + sig, BODY)).isTrue();
  }

  @Test
  void rejectsATamperedBody() {
    String sig = WebhookSigning.sign(WebhookSigning.key(SECRET), ID, TS, BODY);
    byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
    assertThat(verifier.isValid(ID, Long.toString(TS), sig, tampered)).isFalse();
    assertThatThrownBy(() -> verifier.verify(ID, Long.toString(TS), sig, tampered))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("no matching v1 signature");
  }

  @Test
  void rejectsAnOldTimestampEvenWithAValidSignature() {
    long old = TS - 600;
    String sig = WebhookSigning.sign(WebhookSigning.key(SECRET), ID, old, BODY);
    assertThatThrownBy(() -> verifier.verify(ID, Long.toString(old), sig, BODY))
        .isInstanceOf(SecurityException.class)
        .hasMessageContaining("timestamp outside tolerance");
  }

  @Test
  void rejectsAnotherIdMissingHeadersAndAnotherSecret() {
    String sig = WebhookSigning.sign(WebhookSigning.key(SECRET), ID, TS, BODY);
    assertThat(verifier.isValid("msg_other", Long.toString(TS), sig, BODY)).isFalse();
    assertThat(verifier.isValid(ID, null, sig, BODY)).isFalse();
    String other = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    String otherSig = WebhookSigning.sign(WebhookSigning.key(other), ID, TS, BODY);
    assertThat(verifier.isValid(ID, Long.toString(TS), otherSig, BODY)).isFalse();
  }

  @Test
  void neverShowsTheSecret() {
    assertThat(verifier.toString()).doesNotContain("MfKQ9r8G");
    assertThatThrownBy(() -> new WebhookVerifier("whsec_not base64!!", Duration.ZERO, () -> 0))
        .hasMessageNotContaining("not base64!!");
  }
}
