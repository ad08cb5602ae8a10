/** ArchUnit rules that enforce the module graph of DESIGN.md. */
@NullMarked
package dev.tradekit.architecture;

import org.jspecify.annotations.NullMarked;
