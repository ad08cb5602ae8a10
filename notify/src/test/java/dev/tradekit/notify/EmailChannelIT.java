package dev.tradekit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tradekit.api.runtime.VirtualScheduler;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailChannelIT {
  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(
              new com.icegreen.greenmail.util.ServerSetup[] {
                ServerSetupTest.SMTP, ServerSetupTest.SMTPS
              })
          .withPerMethodLifecycle(true);

  private static final String PASSWORD = "smtp-Pa55word!";

  private final VirtualScheduler clock =
      new VirtualScheduler(Instant.parse("2026-01-05T12:00:00Z").toEpochMilli());
  private final InMemoryOutbox outbox = new InMemoryOutbox();

  private Notifier notifier(EmailChannel email) {
    return Notifier.builder()
        .scheduler(clock)
        .outbox(outbox)
        .preferences(
            PreferenceStore.of(List.of(Preference.of("alice", "email", "alice@example.com"))))
        .channel(email)
        .coalesceWindow(Duration.ZERO)
        .build();
  }

  private NotifyEvent copyFailed() {
    return NotifyEvent.builder(EventKind.COPY_FAILED, "alice")
        .id("copy-7")
        .bot("copier-1")
        .text("follower f1: margin is insufficient <-2019>")
        .field("symbol", "BTCUSDT")
        .occurredAt(clock.now())
        .build();
  }

  @Test
  void sendsSubjectTextAndHtmlPartsToTheRecipientOverPlainSmtpWithLogin() throws Exception {
    SMTP.setUser("alerts@tradekit.dev", "alerts", PASSWORD);
    EmailChannel email =
        EmailChannel.builder()
            .host("127.0.0.1")
            .port(SMTP.getSmtp().getPort())
            .security(EmailChannel.Security.NONE)
            .username("alerts")
            .from("alerts@tradekit.dev")
            .secrets(SecretSource.of(Map.of("smtp.password", PASSWORD)))
            .timeout(Duration.ofSeconds(30))
            .build();
    Notifier n = notifier(email);
    n.enqueue(copyFailed());
    n.deliverDue();

    assertThat(SMTP.waitForIncomingEmail(30_000, 1)).isTrue();
    MimeMessage m = SMTP.getReceivedMessages()[0];
    assertThat(m.getSubject()).isEqualTo("[Tradekit] Copy failed");
    assertThat(m.getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("alice@example.com");
    assertThat(m.getFrom()).extracting(Object::toString).containsExactly("alerts@tradekit.dev");
    assertThat(m.getHeader("X-Tradekit-Event-Id")).containsExactly("copy-7");
    assertThat(m.getMessageID()).isEqualTo("<copy-7@tradekit>");
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat((String) parts.getBodyPart(0).getContent())
        .contains("follower f1: margin is insufficient <-2019>", "symbol: BTCUSDT", "id: copy-7");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains("<b>Copy failed</b>", "margin is insufficient &lt;-2019&gt;", "id copy-7");
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void sendsOverImplicitTls() throws Exception {
    EmailChannel email =
        EmailChannel.builder()
            .host("127.0.0.1")
            .port(SMTP.getSmtps().getPort())
            .security(EmailChannel.Security.TLS)
            .trustedHosts("*") // GreenMail's self-signed certificate
            .from("alerts@tradekit.dev")
            .build();
    Notifier n = notifier(email);
    n.enqueue(copyFailed());
    n.deliverDue();
    assertThat(outbox.all().get(0).lastError()).isNull();
    assertThat(SMTP.waitForIncomingEmail(30_000, 1)).isTrue();
    assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("[Tradekit] Copy failed");
  }

  @Test
  void refusesToSendInClearWhenTheServerOffersNoStarttls() throws Exception {
    SMTP.setUser("alerts@tradekit.dev", "alerts", PASSWORD);
    EmailChannel email =
        EmailChannel.builder()
            .host("127.0.0.1")
            .port(SMTP.getSmtp().getPort())
            .security(EmailChannel.Security.STARTTLS)
            .trustedHosts("*")
            .username("alerts")
            .from("alerts@tradekit.dev")
            .secrets(SecretSource.of(Map.of("smtp.password", PASSWORD)))
            .build();
    Notifier n = notifier(email);
    n.enqueue(copyFailed());
    n.deliverDue();
    // GreenMail's SMTP does not offer STARTTLS: the password must not go out in clear
    assertThat(outbox.all().get(0).lastError()).contains("STARTTLS is required");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void aWrongPasswordIsRetriedAndNeverAppearsInTheError() {
    SMTP.setUser("alerts@tradekit.dev", "alerts", PASSWORD);
    EmailChannel email =
        EmailChannel.builder()
            .host("127.0.0.1")
            .port(SMTP.getSmtp().getPort())
            .security(EmailChannel.Security.NONE)
            .username("alerts")
            .from("alerts@tradekit.dev")
            .secrets(SecretSource.of(Map.of("smtp.password", "wrong-Secret-42")))
            .build();
    Notifier n = notifier(email);
    n.enqueue(copyFailed());
    n.deliverDue();
    Outbox.Row row = outbox.all().get(0);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(row.lastError()).startsWith("smtp 127.0.0.1:").doesNotContain("wrong-Secret-42");
    assertThat(email.toString()).doesNotContain("Secret");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }
}
