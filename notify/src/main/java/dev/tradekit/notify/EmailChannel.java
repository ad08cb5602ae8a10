package dev.tradekit.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Sends deliveries by SMTP (Angus Mail) to the email address in {@link Preference#address()}, as a
 * {@code multipart/alternative} with a plain-text and an HTML part.
 *
 * <pre>{@code
 * Channel email = EmailChannel.builder()
 *     .host("smtp.example.com").port(587).security(EmailChannel.Security.STARTTLS)
 *     .username("alerts@example.com").from("alerts@example.com").secrets(vault).build();
 * }</pre>
 *
 * <p>The subject is {@code [Tradekit] <title>}; the idempotency key is in the {@code
 * X-Tradekit-Event-Id} header, in the {@code Message-ID} ({@code <key@tradekit>}) and at the end of
 * both parts. Silent deliveries get {@code Importance: low}. Any failure is retried with backoff.
 * The password is read from the {@link SecretSource} (default name {@code smtp.password}) at each
 * send and never logged.
 */
public final class EmailChannel implements Channel {

  /** How the SMTP connection is secured. */
  public enum Security {
    /** Plain SMTP (local relays and tests only). */
    NONE,
    /** Plain connection upgraded with STARTTLS, which is required (port 587). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, port 465). */
    TLS
  }

  private final String host;
  private final int port;
  private final Security security;
  private final @Nullable String username;
  private final String passwordName;
  private final InternetAddress from;
  private final @Nullable SecretSource secrets;
  private final Session session;
  private final String protocol;

  private EmailChannel(Builder b, InternetAddress from) {
    this.host = Objects.requireNonNull(b.host);
    this.port = b.port;
    this.security = b.security;
    this.username = b.username;
    this.passwordName = b.passwordName;
    this.from = from;
    this.secrets = b.secrets;
    Properties p = new Properties();
    String proto = security == Security.TLS ? "smtps" : "smtp";
    this.protocol = proto;
    p.put("mail.transport.protocol", proto);
    p.put("mail." + proto + ".host", host);
    p.put("mail." + proto + ".port", Integer.toString(port));
    p.put("mail." + proto + ".auth", Boolean.toString(username != null));
    String timeout = Long.toString(b.timeout.toMillis());
    p.put("mail." + proto + ".connectiontimeout", timeout);
    p.put("mail." + proto + ".timeout", timeout);
    p.put("mail." + proto + ".writetimeout", timeout);
    if (security == Security.STARTTLS) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    }
    if (security != Security.NONE) {
      if (b.trustedHosts != null) {
        p.put("mail." + proto + ".ssl.trust", b.trustedHosts);
        p.put("mail." + proto + ".ssl.checkserveridentity", "false");
      } else {
        p.put("mail." + proto + ".ssl.checkserveridentity", "true");
      }
    }
    this.session = Session.getInstance(p);
  }

  /** A builder; {@code host} and {@code from} are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return "email";
  }

  @Override
  public DeliveryResult deliver(Delivery d) {
    try {
      MimeMessage message = new KeyedMessage(session, messageId(d.idempotencyKey()));
      message.setFrom(from);
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(d.address(), true));
      message.setSubject("[Tradekit] " + Html.title(d), "UTF-8");
      message.setSentDate(new Date(d.first().occurredAt().toEpochMilli()));
      message.setHeader("X-Tradekit-Event-Id", d.idempotencyKey());
      if (d.silent()) {
        message.setHeader("Importance", "low");
      }
      MimeBodyPart text = new MimeBodyPart();
      text.setText(d.plainText(), "UTF-8", "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(
          "<html><body><p>" + Html.render(d, "<br>\n") + "</p></body></html>", "UTF-8", "html");
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      message.setContent(alternative);
      message.saveChanges();
      try (Transport transport = session.getTransport(protocol)) {
        if (username != null) {
          SecretSource s = Objects.requireNonNull(secrets);
          transport.connect(host, port, username, s.secret(passwordName));
        } else {
          transport.connect();
        }
        transport.sendMessage(message, message.getAllRecipients());
      }
      return DeliveryResult.delivered();
    } catch (MessagingException e) {
      StringBuilder error = new StringBuilder("smtp ").append(host).append(':').append(port);
      for (Throwable t = e; t != null; t = t.getCause()) {
        error.append(t == e ? ": " : "; cause: ").append(t.getClass().getSimpleName());
        error.append(' ').append(t.getMessage());
      }
      return DeliveryResult.retry(error.toString());
    }
  }

  private static String messageId(String key) {
    return "<" + key.replaceAll("[^A-Za-z0-9._+-]", "_") + "@tradekit>";
  }

  /** A message whose Message-ID is derived from the idempotency key. */
  private static final class KeyedMessage extends MimeMessage {
    private final String id;

    KeyedMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }

  @Override
  public String toString() {
    return "EmailChannel[" + host + ":" + port + " " + security + "]";
  }

  /** Builds an {@link EmailChannel}. */
  public static final class Builder {
    private @Nullable String host;
    private int port = 587;
    private Security security = Security.STARTTLS;
    private @Nullable String username;
    private String passwordName = "smtp.password";
    private @Nullable String from;
    private @Nullable SecretSource secrets;
    private @Nullable String trustedHosts;
    private Duration timeout = Duration.ofSeconds(30);

    private Builder() {}

    /** The SMTP server (required). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port; default 587. */
    public Builder port(int port) {
      if (port <= 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** How the connection is secured; default {@link Security#STARTTLS}. */
    public Builder security(Security security) {
      this.security = Objects.requireNonNull(security, "security");
      return this;
    }

    /** The login; default none (no authentication). Needs {@link #secrets}. */
    public Builder username(String username) {
      this.username = Objects.requireNonNull(username, "username");
      return this;
    }

    /** The password's secret name; default {@code smtp.password}. */
    public Builder passwordName(String name) {
      this.passwordName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The sender address (required). */
    public Builder from(String from) {
      this.from = Objects.requireNonNull(from, "from");
      return this;
    }

    /** Where the password comes from; required with {@link #username}. */
    public Builder secrets(SecretSource secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    /**
     * Hosts whose TLS certificate is trusted without a CA or host-name check ({@code *} for any;
     * tests with a self-signed server only); default none: the JDK's trust store and a host-name
     * check.
     */
    public Builder trustedHosts(String hosts) {
      this.trustedHosts = Objects.requireNonNull(hosts, "hosts");
      return this;
    }

    /** Connect, read and write timeout; default 30 s. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The channel.
     *
     * @throws IllegalStateException if host or from is missing, or a username has no secrets
     * @throws IllegalArgumentException if from is not an email address
     */
    public EmailChannel build() {
      if (host == null || from == null) {
        throw new IllegalStateException("host and from are required");
      }
      if (username != null && secrets == null) {
        throw new IllegalStateException("a username needs secrets for the password");
      }
      try {
        return new EmailChannel(this, new InternetAddress(from, true));
      } catch (AddressException e) {
        throw new IllegalArgumentException("from is not an email address: " + from, e);
      }
    }
  }
}
