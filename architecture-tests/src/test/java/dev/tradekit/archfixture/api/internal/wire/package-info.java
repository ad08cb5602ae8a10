/** Architecture-rule fixture: api's shared wire package. */
@NullMarked
package dev.tradekit.archfixture.api.internal.wire;

import org.jspecify.annotations.NullMarked;
