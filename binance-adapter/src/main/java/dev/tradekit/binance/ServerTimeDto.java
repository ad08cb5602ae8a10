package dev.tradekit.binance;

/** {@code GET /fapi/v1/time}. */
final class ServerTimeDto {
  long serverTime;
}
