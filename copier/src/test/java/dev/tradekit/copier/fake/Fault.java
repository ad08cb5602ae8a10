package dev.tradekit.copier.fake;

/** What {@link FaultyExchange} does to one call. */
public enum Fault {
  /** Pass the call through. */
  NONE,
  /** Place the order, then report an unknown status (a 503 after the venue acted). */
  UNKNOWN_PLACED,
  /** Report an unknown status without placing (the request died on the way). */
  UNKNOWN_NOT_PLACED,
  /** A transport failure without placing. */
  TRANSPORT,
  /** A rate-limit refusal (retry after 2 s) without placing. */
  RATE_LIMIT,
  /** Refuse for insufficient margin (-2019) without placing. */
  REJECT_MARGIN,
  /** Kill the copier, then drop the request (a crash after journaling, before sending). */
  CRASH_BEFORE_SEND,
  /** Place the order, then kill the copier before it sees the reply. */
  CRASH_AFTER_SEND
}
