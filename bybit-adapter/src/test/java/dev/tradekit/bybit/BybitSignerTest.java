package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Credentials;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The five signing vectors of the reference (nautilus_trader and Bybit.Net unit tests). */
class BybitSignerTest {
  private static final BybitSigner NT =
      new BybitSigner(Credentials.of("test_api_key", "test_secret"), 5_000);
  private static final BybitSigner JK =
      new BybitSigner(Credentials.of("XXXXXXXXXX", "XXXXXXXXXX"), 5_000);

  @Test
  void signsAGetQueryLikeVectorV1() {
    assertThat(NT.sign(1700000000000L, "category=linear&symbol=BTCUSDT").signature())
        .isEqualTo("fd4f31228a46109dc6673062328693696df9a96c7ff04e6491a45e7f63a0fdd7");
  }

  @Test
  void signsAPostBodyByteForByteLikeVectorV2() {
    String body =
        "{\"category\": \"linear\", \"symbol\": \"BTCUSDT\", \"orderLinkId\": \"test-order-1\"}";
    assertThat(NT.sign(1700000000000L, body).signature())
        .isEqualTo("2df4a0603d69c08d5dea29ba85b46eb7db64ce9e9ebd34a7802a3d69700cb2a1");
  }

  @Test
  void signsTheWebSocketAuthLikeVectorV3() {
    assertThat(NT.wsAuthSignature(1700000000000L))
        .isEqualTo("bacffe7500499eb829bb58c45d36d1b3e5ac67c14eaeba91df5e99ccee013925");
  }

  @Test
  void signsAGetQueryLikeVectorV4() {
    assertThat(JK.sign(1658384313791L, "category=option&symbol=BTC-29JUL22-25000-C").signature())
        .isEqualTo("b3a13cbd6f9de0ad7ece696645a98000281be3558716624cfca03debd2f24574");
  }

  @Test
  void signsACompactPostBodyLikeVectorV5() {
    assertThat(JK.sign(1658385578423L, "{\"category\":\"option\"}").signature())
        .isEqualTo("a04dea33a62e644897b14c6ff458db428b9c2424b5cb785c9586490ccaca24af");
  }

  @Test
  void theSignedHeadersCarryTheKeyTimestampAndWindowButTheirTextHidesTheSignature() {
    BybitSigner.Signed signed = NT.sign(1700000000000L, "category=linear&symbol=BTCUSDT");
    assertThat(signed.apiKey()).isEqualTo("test_api_key");
    assertThat(signed.timestamp()).isEqualTo(1700000000000L);
    assertThat(signed.recvWindowMs()).isEqualTo(5_000);
    assertThat(signed.toString())
        .doesNotContain(signed.signature())
        .doesNotContain("test_secret")
        .doesNotContain("test_api_key");
  }

  @Test
  void canonicalQuerySortsByNameSoTheUrlAndTheSignatureAgree() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("symbol", "BTCUSDT");
    params.put("category", "linear");
    params.put("limit", "50");
    assertThat(BybitSigner.canonicalQuery(params))
        .isEqualTo("category=linear&limit=50&symbol=BTCUSDT");
  }

  @Test
  void canonicalQueryRejectsValuesThatWouldNeedEscaping() {
    assertThatThrownBy(() -> BybitSigner.canonicalQuery(Map.of("orderLinkId", "a b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orderLinkId");
  }

  @Test
  void rejectsARecvWindowOutsideTheVenueRange() {
    Credentials c = Credentials.of("k", "s");
    assertThatThrownBy(() -> new BybitSigner(c, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BybitSigner(c, 60_001))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
