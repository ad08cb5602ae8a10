package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Credentials;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestSignerTest {
  private static final String KEY =
      "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String SECRET =
      "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
  private static final Credentials CREDS = Credentials.of(KEY, SECRET);

  private static Map<String, String> workedExampleParams() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("symbol", "BTCUSDT");
    p.put("side", "BUY");
    p.put("type", "LIMIT");
    p.put("quantity", "1");
    p.put("price", "9000");
    p.put("timeInForce", "GTC");
    return p;
  }

  @Test
  void signsTheWorkedExampleOfTheBinanceDocs() {
    RequestSigner signer = new RequestSigner(CREDS, () -> 1591702613943L, 5000);
    RequestSigner.Signed s = signer.sign(workedExampleParams());
    assertThat(s.payload())
        .isEqualTo(
            "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC"
                + "&recvWindow=5000&timestamp=1591702613943");
    assertThat(s.signature())
        .isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
    assertThat(s.timestamp()).isEqualTo(1591702613943L);
    assertThat(s.query()).endsWith("&signature=" + s.signature());
  }

  @Test
  void takesTheTimestampFromTheServerAdjustedSourceOnEachCall() {
    AtomicLong t = new AtomicLong(1000);
    RequestSigner signer = new RequestSigner(CREDS, t::getAndIncrement, 60_000);
    assertThat(signer.sign(Map.of()).payload()).isEqualTo("recvWindow=60000&timestamp=1000");
    assertThat(signer.sign(Map.of()).timestamp()).isEqualTo(1001);
  }

  @Test
  void percentEncodesReservedAndNonAsciiCharactersAndSignsTheEncodedString() {
    RequestSigner signer = new RequestSigner(CREDS, () -> 1L, 5000);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("symbol", "币安人生USDT");
    p.put("newClientOrderId", "a.b:c/d_e-f~ g&h=i+j%");
    RequestSigner.Signed s = signer.sign(p);
    assertThat(s.payload())
        .isEqualTo(
            "symbol=%E5%B8%81%E5%AE%89%E4%BA%BA%E7%94%9FUSDT"
                + "&newClientOrderId=a.b%3Ac%2Fd_e-f~%20g%26h%3Di%2Bj%25"
                + "&recvWindow=5000&timestamp=1");
    assertThat(s.signature()).isEqualTo(CREDS.hmacSha256Hex(s.payload()));
  }

  @Test
  void encodesSurrogatePairsAsOneUtf8Sequence() {
    assertThat(RequestSigner.encode("x\uD83D\uDE80y")).isEqualTo("x%F0%9F%9A%80y");
  }

  @Test
  void rejectsParametersTheSignerAddsItself() {
    RequestSigner signer = new RequestSigner(CREDS, () -> 1L, 5000);
    for (String name : new String[] {"timestamp", "recvWindow", "signature"}) {
      assertThatThrownBy(() -> signer.sign(Map.of(name, "1")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(name)
          .hasMessageContaining("added by the signer");
    }
  }

  @Test
  void rejectsARecvWindowOutsideBinanceRange() {
    assertThatThrownBy(() -> new RequestSigner(CREDS, () -> 1L, 60_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recvWindowMs");
    assertThatThrownBy(() -> new RequestSigner(CREDS, () -> 1L, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringHidesTheSignature() {
    RequestSigner.Signed s = new RequestSigner(CREDS, () -> 1L, 5000).sign(workedExampleParams());
    assertThat(s.toString()).doesNotContain(s.signature()).contains("<redacted>");
  }
}
