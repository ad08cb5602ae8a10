/**
 * Typed, unchecked errors raised by exchanges. Every error carries the venue, the venue's own code
 * (or {@link dev.tradekit.api.error.ExchangeException#NO_CODE}) and a message a human can act on.
 */
@NullMarked
package dev.tradekit.api.error;

import org.jspecify.annotations.NullMarked;
