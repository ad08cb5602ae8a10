package dev.tradekit.backtest.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the HTML report writes numbers, times and durations for a reader: percent with two decimals,
 * money with thousands separators in the account's quote currency, durations in days, hours,
 * minutes and seconds, times in UTC; never a raw {@code Double.toString}.
 */
final class ReportText {
  static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ReportText() {}

  /** "12.34 %"; below 0.01 % two significant digits ("−0.0010 %"), so a small loss is not 0. */
  static String percent(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    double p = 100 * v;
    String s =
        p != 0 && Math.abs(p) < 0.01
            ? new BigDecimal(p).round(new MathContext(2)).toPlainString()
            : String.format(Locale.ROOT, "%.2f", p);
    return s.replace("-", "−") + " %";
  }

  /** Money in the quote currency: two decimals, or four below one unit (fees on small runs). */
  static String money(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    String digits = Math.abs(v) < 1 && v != 0 ? "%,.4f" : "%,.2f";
    return String.format(Locale.ROOT, digits, v).replace("-", "−") + " quote";
  }

  /** A plain number with up to three decimals and thousands separators (ratios, counts). */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "n/a" : v > 0 ? "∞" : "−∞";
    }
    double a = Math.abs(v);
    String f = a >= 1000 ? "%,.0f" : a >= 1 ? "%,.2f" : "%.3f";
    return String.format(Locale.ROOT, f, v).replace("-", "−");
  }

  /** "3d 04h 05m", "12m 30s", "850 ms". */
  static String duration(long ms) {
    if (ms < 1000) {
      return ms + " ms";
    }
    long s = ms / 1000;
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    long minutes = s / 60;
    if (minutes < 1440) {
      return String.format(Locale.ROOT, "%dh %02dm", minutes / 60, minutes % 60);
    }
    return String.format(
        Locale.ROOT, "%dd %02dh %02dm", minutes / 1440, minutes / 60 % 24, minutes % 60);
  }

  static String time(long epochMillis) {
    return SECOND.format(Instant.ofEpochMilli(epochMillis)) + " UTC";
  }

  /** An x-axis tick label: the time of day within two days, else the date and time. */
  static String tick(long epochMillis, long span) {
    String s = MINUTE.format(Instant.ofEpochMilli(epochMillis));
    if (span <= 10 * 60_000L) {
      return SECOND.format(Instant.ofEpochMilli(epochMillis)).substring(11);
    }
    return span <= 2 * 86_400_000L ? s.substring(11) : s.substring(5);
  }
}
