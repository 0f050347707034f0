package org.forecast4j.core.events;

import java.time.LocalDate;
import java.util.Objects;
import org.forecast4j.core.Checks;

/**
 * A promotion day for the {@link EventSimulator}: on the day, traffic (page views) is multiplied by
 * {@code trafficLift} and the purchase probabilities by {@code buyLift}; during the {@code warmupDays} before
 * it traffic is multiplied by {@code warmupTraffic}, carts by {@code warmupCartBoost} and purchases by
 * {@code warmupBuyFactor} (shoppers fill carts and wait for the sale); during the {@code hangoverDays} after it
 * traffic is multiplied by {@code hangoverTraffic} (demand was pulled forward). Immutable.
 *
 * @param date            the promotion day (local date)
 * @param trafficLift     page-view multiplier on the day, &gt; 0 (e.g. 3)
 * @param buyLift         purchase-probability multiplier on the day, &gt; 0 (e.g. 2)
 * @param warmupDays      days before, &ge; 0
 * @param warmupTraffic   page-view multiplier during warm-up, &gt; 0
 * @param warmupCartBoost cart-probability multiplier during warm-up, &gt; 0
 * @param warmupBuyFactor purchase-probability multiplier during warm-up, &gt; 0 (below 1: waiting)
 * @param hangoverDays    days after, &ge; 0
 * @param hangoverTraffic page-view multiplier during the hangover, &gt; 0 (below 1: dip)
 * @since 0.1.0
 */
public record Promotion(LocalDate date, double trafficLift, double buyLift, int warmupDays, double warmupTraffic,
                        double warmupCartBoost, double warmupBuyFactor, int hangoverDays, double hangoverTraffic) {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a multiplier is not finite and positive or a window is negative
     */
    public Promotion {
        Objects.requireNonNull(date, "date");
        positive(trafficLift, "trafficLift");
        positive(buyLift, "buyLift");
        positive(warmupTraffic, "warmupTraffic");
        positive(warmupCartBoost, "warmupCartBoost");
        positive(warmupBuyFactor, "warmupBuyFactor");
        positive(hangoverTraffic, "hangoverTraffic");
        Checks.requireNonNegative(warmupDays, "warmupDays");
        Checks.requireNonNegative(hangoverDays, "hangoverDays");
    }

    private static void positive(double v, String name) {
        Checks.requireArgument(Double.isFinite(v) && v > 0, "%s must be finite and > 0, got %s", name, v);
    }

    /**
     * A promotion with typical shape: traffic × lift and purchases × 2 on the day; 7 warm-up days with traffic
     * × 1.2, carts × 1.5, purchases × 0.7; 3 hangover days with traffic × 0.8.
     *
     * @param date        the day
     * @param trafficLift page-view multiplier on the day
     * @return the promotion
     */
    public static Promotion of(LocalDate date, double trafficLift) {
        return new Promotion(date, trafficLift, 2.0, 7, 1.2, 1.5, 0.7, 3, 0.8);
    }
}
