package dev.tradekit.binance;

/** An error reply body: {@code {"code":-2019,"msg":"Margin is insufficient."}}. */
final class ErrorBodyDto {
  int code;
  String msg = "";
}
