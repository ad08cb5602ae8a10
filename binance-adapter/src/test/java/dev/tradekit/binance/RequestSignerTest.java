package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Credentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  void theReusedMacSignsEveryPayloadAsAFreshOneWouldOnEveryThread() throws Exception {
    AtomicLong clock = new AtomicLong(1591702613943L);
    RequestSigner signer = new RequestSigner(CREDS, clock::incrementAndGet, 5000);
    List<Callable<List<String>>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      workers.add(
          () -> {
            List<String> mismatches = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
              RequestSigner.Signed s = signer.signEncoded("symbol=T" + thread + "&n=" + i);
              if (!s.signature().equals(CREDS.hmacSha256Hex(s.payload()))) {
                mismatches.add(s.payload());
              }
            }
            return mismatches;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<List<String>> f : pool.invokeAll(workers)) {
        assertThat(f.get()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
    // one signer, one thread: the second signature of the worked example is still the docs' one
    RequestSigner fixed = new RequestSigner(CREDS, () -> 1591702613943L, 5000);
    fixed.signEncoded("symbol=ETHUSDT");
    for (int i = 0; i < 2; i++) {
      assertThat(fixed.sign(workedExampleParams()).signature())
          .isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
    }
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

  @Test
  void aSendDeadlineBecomesTheRecvWindowLeftOnTheVenuesClock() throws Exception {
    AtomicLong local = new AtomicLong(1_000_000);
    long offset = 700; // the venue's clock is 700 ms ahead of ours
    RequestSigner signer = new RequestSigner(CREDS, () -> local.get() + offset, () -> offset, 5000);
    RequestSigner.Signed s = signer.signEncodedBefore("symbol=BTCUSDT", 1_002_500);
    assertThat(s.timestamp()).isEqualTo(1_000_700);
    assertThat(s.payload()).isEqualTo("symbol=BTCUSDT&recvWindow=2500&timestamp=1000700");
    // the venue's last accepted arrival, timestamp + recvWindow, is the deadline on its clock
    assertThat(s.timestamp() + 2500).isEqualTo(1_002_500 + offset);
    assertThat(s.signature()).isEqualTo(CREDS.hmacSha256Hex(s.payload()));
  }

  @Test
  void aDeadlineBeyondTheVenuesMaximumIsClampedTo60Seconds() throws Exception {
    RequestSigner signer = new RequestSigner(CREDS, () -> 1_000L, () -> 0, 5000);
    assertThat(signer.signEncodedBefore("", 1_000 + 3_600_000).payload())
        .isEqualTo("recvWindow=60000&timestamp=1000");
    assertThat(RequestSigner.recvWindowBefore(61_001, 1_000)).isEqualTo(60_000);
    assertThat(RequestSigner.recvWindowBefore(2_001, 1_000)).isEqualTo(1_001);
  }

  @Test
  void refusesToSignWhenTheDeadlineHasComeSoNothingIsSent() throws Exception {
    AtomicLong local = new AtomicLong(5_000);
    RequestSigner signer = new RequestSigner(CREDS, local::get, () -> 0, 5000);
    assertThat(signer.signEncodedBefore("a=1", 5_001).payload())
        .isEqualTo("a=1&recvWindow=1&timestamp=5000");
    assertThatThrownBy(() -> signer.signEncodedBefore("a=1", 5_000))
        .isInstanceOf(DeadlinePassedException.class)
        .satisfies(e -> assertThat(((DeadlinePassedException) e).lateMillis()).isZero());
    local.set(5_250);
    assertThatThrownBy(() -> signer.signEncodedBefore("a=1", 5_000))
        .isInstanceOf(DeadlinePassedException.class)
        .hasMessageContaining("250 ms")
        .satisfies(e -> assertThat(((DeadlinePassedException) e).lateMillis()).isEqualTo(250));
  }

  @Test
  void aDeadlineDoesNotLetTheCallerSetTheSignersOwnParameters() {
    RequestSigner signer = new RequestSigner(CREDS, () -> 1L, () -> 0, 5000);
    assertThatThrownBy(() -> signer.signEncodedBefore("recvWindow=99", 10_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recvWindow");
  }
}
