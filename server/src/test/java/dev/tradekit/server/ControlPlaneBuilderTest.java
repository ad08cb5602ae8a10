package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ControlPlaneBuilderTest {
  private static final MasterKey KEY = MasterKey.ofBytes(new byte[32]);

  @Test
  void needsAStoreAndAMasterKey() {
    assertThatThrownBy(() -> ControlPlane.builder().vault(KEY).build())
        .hasMessageStartingWith("store: required");
    assertThatThrownBy(
            () -> ControlPlane.builder().store(Stores.postgres("jdbc:postgresql://h/db")).build())
        .hasMessageStartingWith("vault: required");
  }

  @Test
  void refusesAWildcardOrMalformedCorsOrigin() {
    assertThatThrownBy(() -> ControlPlane.builder().corsOrigins("*"))
        .hasMessageContaining("exact origin");
    assertThatThrownBy(() -> ControlPlane.builder().corsOrigins("https://ui.example/"))
        .hasMessageContaining("exact origin");
    assertThat(ControlPlane.builder().corsOrigins("http://localhost:5173")).isNotNull();
  }

  @Test
  void validatesEachSettingAtOnceNamingIt() {
    assertThatThrownBy(() -> ControlPlane.builder().bind("127.0.0.1", 70_000))
        .hasMessageStartingWith("port:");
    assertThatThrownBy(() -> ControlPlane.builder().maxRequestBytes(10))
        .hasMessageStartingWith("bytes:");
    assertThatThrownBy(() -> ControlPlane.builder().accessTokenLife(Duration.ZERO))
        .hasMessageStartingWith("life:");
    assertThatThrownBy(() -> ControlPlane.builder().tokenKey(new byte[16]))
        .hasMessageStartingWith("key: must be at least 32 bytes");
    assertThatThrownBy(() -> ControlPlane.builder().tls(Path.of("/nonexistent.p12"), new char[0]))
        .hasMessageStartingWith("keyStore:");
    assertThatThrownBy(() -> Stores.postgres("jdbc:mysql://h/db"))
        .hasMessageStartingWith("jdbcUrl:");
  }

  @Test
  void masterKeysAndStoresNeverPrintSecrets() {
    assertThat(MasterKey.fromPassphrase("a very long passphrase".toCharArray()).toString())
        .isEqualTo("MasterKey[passphrase]");
    assertThat(Stores.postgres("jdbc:postgresql://h/db?user=tk&password=hunter2").toString())
        .doesNotContain("hunter2");
    assertThatThrownBy(() -> MasterKey.fromPassphrase("short".toCharArray()))
        .hasMessageStartingWith("passphrase:");
  }

  @Test
  void validatesTheNotificationSettingsWithoutEchoingASecret() {
    String badToken = "not-a-token-but-a-secret-value";
    assertThatThrownBy(() -> ControlPlane.builder().telegramBot(badToken))
        .hasMessageStartingWith("token:")
        .message()
        .doesNotContain(badToken);
    assertThat(ControlPlane.builder().telegramBot("123456:AAE2eTestTokenOfTheOperatorBot01"))
        .isNotNull();
    assertThatThrownBy(() -> ControlPlane.builder().telegramApi("ftp://api.telegram.org"))
        .hasMessageStartingWith("baseUrl:");
    dev.tradekit.notify.EmailChannel.Security tls = dev.tradekit.notify.EmailChannel.Security.TLS;
    assertThatThrownBy(
            () -> ControlPlane.builder().smtp("smtp.example", 0, tls, "a@b.c", null, null))
        .hasMessageStartingWith("port:");
    assertThatThrownBy(
            () -> ControlPlane.builder().smtp("smtp.example", 465, tls, "nobody", null, null))
        .hasMessageStartingWith("from:");
    assertThatThrownBy(
            () -> ControlPlane.builder().smtp("smtp.example", 465, tls, "a@b.c", "user", null))
        .hasMessageStartingWith("username and password");
    assertThatThrownBy(() -> ControlPlane.builder().notifyRetryDelay(Duration.ofHours(2)))
        .hasMessageStartingWith("delay:");
  }
}
