/** Architecture-rule fixture. */
@NullMarked
package dev.tradekit.archfixture.backtest;

import org.jspecify.annotations.NullMarked;
