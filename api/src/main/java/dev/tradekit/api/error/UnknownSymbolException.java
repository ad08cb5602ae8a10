package dev.tradekit.api.error;

/**
 * The venue does not list the symbol (Binance {@code -1121}); check the spelling (upper case, e.g.
 * {@code BTCUSDT}) and {@code marketData().instruments()}.
 *
 * <pre>{@code
 * catch (UnknownSymbolException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public class UnknownSymbolException extends ExchangeException {
  private static final long serialVersionUID = 1L;

  public UnknownSymbolException(String venue, int code, String message) {
    super(venue, code, message);
  }
}
