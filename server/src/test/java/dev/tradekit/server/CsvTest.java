package dev.tradekit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesFieldsHoldingACommaAQuoteOrALineBreakAndDoublesTheirQuotes() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("symbol", "BTCUSDT");
    row.put("reason", "skipped, \"too small\"\nsee policy");
    row.put("quantity", "0.002");
    row.put("note", null);
    String csv = Csv.of(List.of("symbol", "quantity", "reason", "note"), List.of(row));
    assertThat(csv)
        .isEqualTo(
            "symbol,quantity,reason,note\r\n"
                + "BTCUSDT,0.002,\"skipped, \"\"too small\"\"\nsee policy\",\r\n");
  }

  @Test
  void keepsTheGivenColumnsFirstAndAddsAnyOtherKeyTheRowsHold() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("extra", 1);
    a.put("symbol", "ETHUSDT");
    assertThat(Csv.of(List.of("symbol"), List.of(a))).isEqualTo("symbol,extra\r\nETHUSDT,1\r\n");
    assertThat(Csv.of(Csv.COPY_COLUMNS, List.of()))
        .isEqualTo(String.join(",", Csv.COPY_COLUMNS) + "\r\n");
  }

  @Test
  void quotesACarriageReturnAndLeavesPlainFieldsAlone() {
    assertThat(Csv.field("a\rb")).isEqualTo("\"a\rb\"");
    assertThat(Csv.field("plain-1.5")).isEqualTo("plain-1.5");
    assertThat(Csv.field(null)).isEmpty();
  }
}
