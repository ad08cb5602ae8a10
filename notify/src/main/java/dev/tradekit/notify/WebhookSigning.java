package dev.tradekit.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Standard Webhooks v1 signatures: base64 HMAC-SHA256 over {@code id.timestamp.body}. */
final class WebhookSigning {
  static final String PREFIX = "whsec_";

  private WebhookSigning() {}

  /** The key bytes of a {@code whsec_<base64>} secret (the prefix is optional). */
  static byte[] key(String secret) {
    String b64 = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    try {
      return Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      // never echo the secret
      throw new IllegalArgumentException("webhook secret is not whsec_<base64>", null);
    }
  }

  /** The {@code v1,<base64>} signature. */
  static String sign(byte[] key, String id, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
