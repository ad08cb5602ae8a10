/** Architecture-rule fixture. */
@NullMarked
package dev.tradekit.archfixture.scanner;

import org.jspecify.annotations.NullMarked;
