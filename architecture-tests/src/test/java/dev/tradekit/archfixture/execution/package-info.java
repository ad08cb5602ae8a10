/** Architecture-rule fixture. */
@NullMarked
package dev.tradekit.archfixture.execution;

import org.jspecify.annotations.NullMarked;
