package dev.tradekit.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesTheCharactersTelegramHtmlModeReserves() {
    assertThat(Html.escape("a<b & \"c\" > d")).isEqualTo("a&lt;b &amp; &quot;c&quot; &gt; d");
  }

  @Test
  void telegramTextEscapesUserTextAndCarriesTheId() {
    NotifyEvent e =
        NotifyEvent.builder(EventKind.BOT_ERROR, "alice")
            .id("err-1")
            .bot("<grid>")
            .text("price < 0 & stop")
            .field("symbol", "BTCUSDT")
            .occurredAt(Instant.EPOCH)
            .build();
    String text =
        TelegramChannel.text(new Delivery("err-1", "alice", "telegram", "42", List.of(e), false));
    assertThat(text)
        .isEqualTo(
            "<b>Bot error</b>\nprice &lt; 0 &amp; stop\nbot: <code>&lt;grid&gt;</code>\n"
                + "symbol: BTCUSDT\n<i>ERROR · id err-1</i>");
  }

  @Test
  void cutsTextsLongerThanTelegramAllows() {
    NotifyEvent e =
        NotifyEvent.builder(EventKind.BOT_ERROR, "alice")
            .id("err-1")
            .text("x".repeat(5000))
            .occurredAt(Instant.EPOCH)
            .build();
    String text =
        TelegramChannel.text(new Delivery("err-1", "alice", "telegram", "42", List.of(e), false));
    assertThat(text.length()).isLessThanOrEqualTo(TelegramChannel.MAX_TEXT);
    assertThat(text).endsWith("<i>id err-1</i>");
  }
}
