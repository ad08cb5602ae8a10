package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

class TokensTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  private final byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final Tokens tokens = new Tokens(key, clock, Duration.ofMinutes(15));
  private final Store.User alice = new Store.User("usr_a", "alice", "viewer", "x", 0);

  @Test
  void acceptsItsOwnFreshTokenAndReadsItsClaims() {
    Tokens.Principal p = tokens.verify(tokens.issue(alice, "csrf1"));
    assertThat(p).isEqualTo(new Tokens.Principal("usr_a", "alice", "viewer", "csrf1"));
  }

  @Test
  void refusesATokenPastItsFifteenMinutes() {
    String t = tokens.issue(alice, "c");
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThatThrownBy(() -> tokens.verify(t))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status).isEqualTo(401))
        .hasMessageContaining("expired");
  }

  @Test
  void refusesAlgNone() {
    String none =
        new PlainJWT(
                new JWTClaimsSet.Builder()
                    .issuer("tradekit")
                    .subject("usr_a")
                    .claim("name", "alice")
                    .claim("role", "admin")
                    .claim("csrf", "c")
                    .expirationTime(new Date(clock.millis() + 60_000))
                    .build())
            .serialize();
    assertThatThrownBy(() -> tokens.verify(none))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status).isEqualTo(401));
  }

  @Test
  void refusesATokenSignedWithAnotherKey() {
    Tokens other =
        new Tokens(
            "another-key-another-key-another-".getBytes(StandardCharsets.UTF_8),
            clock,
            Duration.ofMinutes(15));
    String t = other.issue(alice, "c");
    assertThatThrownBy(() -> tokens.verify(t))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status).isEqualTo(401))
        .hasMessageContaining("signature");
  }

  @Test
  void refusesATokenWhosePayloadWasChanged() {
    String[] parts = tokens.issue(alice, "c").split("\\.", -1);
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"viewer\"", "\"admin\"");
    assertThat(payload).contains("\"admin\"");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThatThrownBy(() -> tokens.verify(forged))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status).isEqualTo(401))
        .hasMessageContaining("signature");
  }

  @Test
  void refusesGarbage() {
    assertThatThrownBy(() -> tokens.verify("not-a-jwt"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status).isEqualTo(401));
  }
}
