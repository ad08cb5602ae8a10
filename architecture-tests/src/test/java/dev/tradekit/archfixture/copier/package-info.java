/** Architecture-rule fixture. */
@NullMarked
package dev.tradekit.archfixture.copier;

import org.jspecify.annotations.NullMarked;
