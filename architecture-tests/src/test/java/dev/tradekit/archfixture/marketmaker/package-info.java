/** Architecture-rule fixture. */
@NullMarked
package dev.tradekit.archfixture.marketmaker;

import org.jspecify.annotations.NullMarked;
