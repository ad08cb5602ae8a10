package dev.tradekit.notify;

import java.util.Map;

/** HTML escaping and the HTML rendering shared by Telegram and email. */
final class Html {
  private Html() {}

  /** Escapes {@code &}, {@code <}, {@code >} and {@code "} (what Telegram's HTML mode requires). */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The subject line / bold title: the kind's title, with the count when coalesced. */
  static String title(Delivery d) {
    String t = d.first().kind().title();
    return d.count() == 1 ? t : d.count() + " x " + t;
  }

  /** Telegram-style HTML (b, i, code only), {@code lineBreak} between lines. */
  static String render(Delivery d, String lineBreak) {
    NotifyEvent e = d.first();
    StringBuilder sb = new StringBuilder();
    sb.append("<b>").append(escape(title(d))).append("</b>").append(lineBreak);
    if (d.count() == 1) {
      sb.append(escape(e.text()));
    } else {
      sb.append("latest: ").append(escape(d.events().get(d.count() - 1).text()));
    }
    if (e.botId() != null) {
      sb.append(lineBreak).append("bot: <code>").append(escape(e.botId())).append("</code>");
    }
    if (d.count() == 1) {
      for (Map.Entry<String, String> f : e.fields().entrySet()) {
        sb.append(lineBreak).append(escape(f.getKey())).append(": ").append(escape(f.getValue()));
      }
    }
    sb.append(lineBreak).append("<i>").append(e.severity()).append(" · id ");
    sb.append(escape(d.idempotencyKey())).append("</i>");
    return sb.toString();
  }
}
