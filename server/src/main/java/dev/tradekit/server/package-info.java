/**
 * The control plane: an embeddable, authenticated HTTP API over which users run, watch and steer
 * bots. {@link dev.tradekit.server.ControlPlane} is the entry point.
 */
@NullMarked
package dev.tradekit.server;

import org.jspecify.annotations.NullMarked;
