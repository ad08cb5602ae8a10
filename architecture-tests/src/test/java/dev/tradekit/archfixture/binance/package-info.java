/** Architecture-rule fixture. */
@NullMarked
package dev.tradekit.archfixture.binance;

import org.jspecify.annotations.NullMarked;
