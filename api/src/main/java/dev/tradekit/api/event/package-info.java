/** Events that engines publish about what they do, and the listener that receives them. */
@NullMarked
package dev.tradekit.api.event;

import org.jspecify.annotations.NullMarked;
