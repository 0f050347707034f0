package org.forecast4j.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.forecast4j.core.ModelFitException;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.arima.Regressors;

/**
 * Chooses among a fixed list of ARIMA candidates by AICc, the stand-in for auto-ARIMA in the demo. All candidates
 * share the same differencing (so their likelihoods, and hence AICc values, are comparable, as in R's
 * {@code auto.arima} where d and D are fixed before the order search). A candidate that cannot be fitted, or whose
 * AICc is not finite, is skipped (R's {@code myarima} sets its IC to infinity); if none fits the last failure is
 * thrown.
 */
public final class AiccArimaSelection implements RegressionArima.ArimaFitter {

    private final List<Arima> candidates;

    /**
     * A selection among candidates.
     *
     * @param candidates ARIMA specs with equal differencing, at least one
     * @throws IllegalArgumentException if the list is empty or the differencing differs
     */
    public AiccArimaSelection(List<Arima> candidates) {
        Objects.requireNonNull(candidates, "candidates");
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("candidates must not be empty");
        }
        Arima first = candidates.get(0);
        for (Arima a : candidates) {
            if (a.order()[1] != first.order()[1] || a.seasonalOrder()[1] != first.seasonalOrder()[1]
                    || a.period() != first.period()) {
                throw new IllegalArgumentException("candidates must share d, D and the period for AICc to be "
                        + "comparable, got " + first + " and " + a);
            }
        }
        this.candidates = List.copyOf(candidates);
    }

    /**
     * The demo's weekly candidates: ARIMA(p,0,q)(0,1,1)[7] for (p,q) in (1,0), (0,1), (1,1), (2,0), each with and
     * without drift — weekly seasonality by seasonal differencing, short-run dynamics by a low-order ARMA, trend
     * by the drift.
     *
     * @return the selection
     */
    public static AiccArimaSelection weekly() {
        int[][] pq = {{1, 0}, {0, 1}, {1, 1}, {2, 0}};
        List<Arima> list = new ArrayList<>();
        for (int[] o : pq) {
            Arima a = Arima.of(o[0], 0, o[1]).withSeasonal(0, 1, 1, 7);
            list.add(a);
            list.add(a.withDrift(true));
        }
        return new AiccArimaSelection(list);
    }

    /**
     * The candidates.
     *
     * @return unmodifiable list
     */
    public List<Arima> candidates() {
        return candidates;
    }

    @Override
    public FittedArima fit(TimeSeries series, Regressors xreg) {
        FittedArima best = null;
        RuntimeException last = null;
        for (Arima a : candidates) {
            FittedArima m;
            try {
                m = xreg == null ? a.fit(series) : a.fit(series, xreg);
            } catch (IllegalArgumentException | ModelFitException e) {
                last = e;
                continue;
            }
            if (Double.isFinite(m.aicc()) && (best == null || m.aicc() < best.aicc())) {
                best = m;
            }
        }
        if (best == null) {
            throw last != null ? last : new ModelFitException("no ARIMA candidate has a finite AICc");
        }
        return best;
    }
}
