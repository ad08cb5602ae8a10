package dev.tradekit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static final String KEY =
      "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String SECRET =
      "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";

  @Test
  void signsTheBinanceWorkedExample() {
    Credentials creds = Credentials.of(KEY, SECRET);
    String payload =
        "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC"
            + "&recvWindow=5000&timestamp=1591702613943";
    assertThat(creds.hmacSha256Hex(payload))
        .isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
  }

  @Test
  void toStringRevealsNeitherKeyNorSecret() {
    Credentials creds = Credentials.of(KEY, SECRET);
    String text = creds.toString();
    assertThat(text).doesNotContain(SECRET).doesNotContain(KEY).contains("<redacted>");
    assertThat(text).contains(creds.fingerprint());
    assertThat(creds.fingerprint()).hasSize(8).doesNotContain(KEY.substring(0, 4));
  }

  @Test
  void equalityComparesBothPartsWithoutExposingThem() {
    assertThat(Credentials.of(KEY, SECRET)).isEqualTo(Credentials.of(KEY, SECRET));
    assertThat(Credentials.of(KEY, SECRET)).isNotEqualTo(Credentials.of(KEY, SECRET + "0"));
    assertThat(Credentials.of(KEY, SECRET).hashCode())
        .isEqualTo(Credentials.of(KEY, "other").hashCode());
  }

  @Test
  void refusesToBeSerialised() {
    assertThatThrownBy(
            () ->
                new ObjectOutputStream(new ByteArrayOutputStream())
                    .writeObject(Credentials.of(KEY, SECRET)))
        .isInstanceOf(NotSerializableException.class);
  }

  @Test
  void rejectsBlankOrWhitespaceValuesWithoutEchoingThem() {
    assertThatThrownBy(() -> Credentials.of(" ", SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey is blank");
    assertThatThrownBy(() -> Credentials.of(KEY, SECRET + "\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret contains whitespace")
        .hasMessageNotContaining(SECRET);
  }
}
