package dev.tradekit.binance;

/** {@code POST/PUT /fapi/v1/listenKey}: the user data stream key. */
final class ListenKeyDto {
  String listenKey = "";
}
