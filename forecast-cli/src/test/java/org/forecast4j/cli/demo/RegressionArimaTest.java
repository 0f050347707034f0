package org.forecast4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.ModelFitException;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.core.features.EventCalendar;
import org.forecast4j.core.features.EventDay;
import org.forecast4j.core.features.FeatureSet;
import org.junit.jupiter.api.Test;

/**
 * RegressionArima and AiccArimaSelection on simulated series with a known weekly pattern and promotion lift
 * (fixed seed): expected values come from the simulation's parameters and from separate fits of each candidate.
 */
class RegressionArimaTest {

    private static final LocalDate START = LocalDate.of(2017, 9, 1);
    private static final LocalDate PROMO = LocalDate.of(2017, 11, 11);
    private static final double LIFT = 100;

    /** 100 + weekly pattern + N(0, 5²) noise + 100 on the promotion day (no warm-up or hangover effect). */
    private static TimeSeries series(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] week = {0, -5, -8, -5, 0, 15, 20};
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            LocalDate d = START.plusDays(i);
            y[i] = 100 + week[d.getDayOfWeek().getValue() - 1] + 5 * rnd.nextGaussian() + (d.equals(PROMO) ? LIFT : 0);
        }
        return TimeSeries.daily(START, y);
    }

    private static FeatureSet promo() {
        return FeatureSet.of(EventCalendar.of(new EventDay("promo", List.of(PROMO, PROMO.plusYears(1)), 0, 0)));
    }

    @Test
    void fit_promotionInHistory_estimatesTheSimulatedLift() {
        TimeSeries y = series(365, 7); // 2017-09-01 .. 2018-08-31: one promotion day
        RegressionArima.Fitted m = new RegressionArima(promo(), AiccArimaSelection.weekly()).fit(y);
        assertEquals(List.of("promo"), m.regressors());
        // coefficient ≈ the simulated lift: SE of one dummy with σ = 5 is about 5–7, so ±25 is > 3 SE
        double coef = m.arima().coefficients().get("promo");
        assertEquals(LIFT, coef, 25);
    }

    @Test
    void forecast_futurePromotion_liftsThatDayOnly() {
        // history 2017-09-01 .. 2017-11-30 (includes 11.11); a second promotion date 10 days after the history
        LocalDate next = START.plusDays(91 + 9);
        FeatureSet fs = FeatureSet.of(EventCalendar.of(new EventDay("promo", List.of(PROMO, next), 0, 0)));
        TimeSeries y = series(91, 11);
        RegressionArima.Fitted m = new RegressionArima(fs, AiccArimaSelection.weekly()).fit(y);
        Forecast f = m.forecast(14, 80, 95);
        double[] mean = f.mean();
        int promoStep = 9;
        // the same weekday one week earlier or later has no promotion: the difference is the estimated lift
        double other = promoStep >= 7 ? mean[promoStep - 7] : mean[promoStep + 7];
        assertEquals(m.arima().coefficients().get("promo"), mean[promoStep] - other, 15);
        assertTrue(mean[promoStep] - other > LIFT - 25, "lift forecast on the promotion day");
    }

    @Test
    void fit_noPromotionInTrainingWindow_dropsTheConstantRegressor() {
        TimeSeries y = series(60, 3); // 2017-09-01 .. 2017-10-30: before 11.11
        RegressionArima.Fitted m = new RegressionArima(promo(), AiccArimaSelection.weekly()).fit(y);
        assertTrue(m.regressors().isEmpty());
        Forecast f = m.forecast(7, 80, 95);
        assertEquals(7, f.horizon());
        assertEquals(m.arima().forecast(7, 80, 95).mean()[3], f.mean()[3], 0.0);
    }

    @Test
    void selection_choosesTheCandidateWithTheSmallestAicc() {
        TimeSeries y = series(91, 5);
        AiccArimaSelection sel = AiccArimaSelection.weekly();
        FittedArima chosen = sel.fit(y, null);
        double best = Double.POSITIVE_INFINITY;
        for (Arima a : sel.candidates()) {
            best = Math.min(best, a.fit(y).aicc());
        }
        assertEquals(best, chosen.aicc(), 0.0);
        assertEquals(8, sel.candidates().size());
    }

    @Test
    void selection_mixedDifferencing_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AiccArimaSelection(
                List.of(Arima.of(1, 0, 0).withSeasonal(0, 1, 1, 7), Arima.of(1, 1, 0).withSeasonal(0, 1, 1, 7))));
        assertTrue(e.getMessage().startsWith("candidates must share d, D and the period"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AiccArimaSelection(List.of()));
    }

    @Test
    void autoArima_promotionInHistory_estimatesTheSimulatedLiftWithRegressorsInTheSearch() {
        TimeSeries y = series(365, 7);
        RegressionArima.Fitted m = new RegressionArima(promo(),
                RegressionArima.autoArima(AutoArima.builder().build())).fit(y);
        assertEquals(List.of("promo"), m.regressors());
        assertTrue(m.arima().description().startsWith("Regression with ARIMA"), m.arima().description());
        // as with the fixed candidates: the simulated lift within about 3 SE
        assertEquals(LIFT, m.arima().coefficients().get("promo"), 25);
    }

    @Test
    void autoArima_noArimaPossible_failsWithTheFallbackReason() {
        // a constant series: auto-ARIMA uses the equivalent mean model, which the demo's ARIMA contestant reports as
        // a failure (the backtest then does not choose it)
        TimeSeries y = TimeSeries.daily(START, 5, 5, 5, 5, 5, 5, 5, 5);
        ModelFitException e = assertThrows(ModelFitException.class, () -> RegressionArima.autoArima(
                AutoArima.builder().build()).fit(y, null));
        assertTrue(e.getMessage().startsWith("auto-ARIMA found no ARIMA model"), e.getMessage());
    }
}
