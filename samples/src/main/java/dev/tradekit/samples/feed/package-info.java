/** The scanner's tiered feed served over WebSockets. */
@NullMarked
package dev.tradekit.samples.feed;

import org.jspecify.annotations.NullMarked;
