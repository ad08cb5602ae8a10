/** Architecture-rule fixture. */
@NullMarked
package dev.tradekit.archfixture.marketmaker.internal;

import org.jspecify.annotations.NullMarked;
