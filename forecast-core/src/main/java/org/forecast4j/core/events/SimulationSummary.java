package org.forecast4j.core.events;

/**
 * What a simulation run emitted. Immutable.
 *
 * @param events    events emitted in all
 * @param pageViews PV events
 * @param favs      FAV events
 * @param carts     CART events
 * @param buys      BUY events
 * @param stockOutLosses carts and purchases that did not happen because the item was out of stock
 * @since 0.1.0
 */
public record SimulationSummary(long events, long pageViews, long favs, long carts, long buys,
                                long stockOutLosses) {
}
