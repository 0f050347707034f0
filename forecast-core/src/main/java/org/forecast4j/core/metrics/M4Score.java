package org.forecast4j.core.metrics;

import java.util.Locale;
import java.util.Objects;

/**
 * The M4 competition's scores of one method on a data set: sMAPE and MASE averaged over series (each series'
 * value is the mean over its h steps), and OWA relative to Naive2. As in the competition's evaluation code
 * ({@code smape_cal}, {@code mase_cal} in {@code Benchmarks and Evaluation.R}, Mcompetitions/M4-methods;
 * M4 Competitor's Guide 2018):
 * <div style="white-space: pre">
 * sMAPE = (1/h) &sum; 200 |y<sub>t</sub> &minus; ŷ<sub>t</sub>| / (|y<sub>t</sub>| + |ŷ<sub>t</sub>|)
 * MASE  = (1/h) &sum; |y<sub>t</sub> &minus; ŷ<sub>t</sub>| / Q,  Q = (1/(n&minus;m)) &sum;<sub>t&gt;m</sub> |x<sub>t</sub> &minus; x<sub>t&minus;m</sub>|
 * OWA   = ½ (sMAPE / sMAPE<sub>Naive2</sub> + MASE / MASE<sub>Naive2</sub>)
 * </div>
 * where m is the data's frequency as the competition set it (1 for yearly, weekly and daily data, 4 quarterly,
 * 12 monthly, 24 hourly) and the OWA ratios are of the data-set averages, not per series.
 *
 * <p>A series whose sMAPE or MASE is undefined (actual and forecast both 0; a zero MASE scale) is left out of
 * that average and counted in {@link #undefinedSmape()} / {@link #undefinedMase()}; M4 data have no such
 * series.
 *
 * @since 0.1.0
 */
public final class M4Score {

    private final double smape;
    private final double mase;
    private final int series;
    private final int undefinedSmape;
    private final int undefinedMase;

    private M4Score(double smape, double mase, int series, int undefinedSmape, int undefinedMase) {
        this.smape = smape;
        this.mase = mase;
        this.series = series;
        this.undefinedSmape = undefinedSmape;
        this.undefinedMase = undefinedMase;
    }

    /**
     * A new accumulator.
     *
     * @return an empty accumulator
     */
    public static Accumulator accumulator() {
        return new Accumulator();
    }

    /**
     * Mean sMAPE over series, in percent (0&ndash;200); NaN when no series had a defined sMAPE.
     *
     * @return the average sMAPE
     */
    public double smape() {
        return smape;
    }

    /**
     * Mean MASE over series; NaN when no series had a defined MASE.
     *
     * @return the average MASE
     */
    public double mase() {
        return mase;
    }

    /**
     * The number of series added.
     *
     * @return series count
     */
    public int series() {
        return series;
    }

    /**
     * Series left out of the sMAPE average because it was undefined.
     *
     * @return count
     */
    public int undefinedSmape() {
        return undefinedSmape;
    }

    /**
     * Series left out of the MASE average because it was undefined.
     *
     * @return count
     */
    public int undefinedMase() {
        return undefinedMase;
    }

    /**
     * Overall weighted average relative to Naive2: {@code (smape / naive2.smape + mase / naive2.mase) / 2}.
     *
     * @param naive2 the Naive2 scores on the same series
     * @return OWA (1 for Naive2 itself, below 1 is better)
     * @throws IllegalArgumentException if a Naive2 average is not positive and finite
     */
    public double owa(M4Score naive2) {
        Objects.requireNonNull(naive2, "naive2");
        return owa(smape, mase, naive2.smape, naive2.mase);
    }

    /**
     * OWA from the four averages: {@code (smape / smapeNaive2 + mase / maseNaive2) / 2}.
     *
     * @param smape       the method's average sMAPE
     * @param mase        the method's average MASE
     * @param smapeNaive2 Naive2's average sMAPE, &gt; 0
     * @param maseNaive2  Naive2's average MASE, &gt; 0
     * @return OWA
     * @throws IllegalArgumentException if a Naive2 average is not positive and finite
     */
    public static double owa(double smape, double mase, double smapeNaive2, double maseNaive2) {
        if (!(smapeNaive2 > 0 && Double.isFinite(smapeNaive2))) {
            throw new IllegalArgumentException("smapeNaive2 must be > 0 and finite, got " + smapeNaive2);
        }
        if (!(maseNaive2 > 0 && Double.isFinite(maseNaive2))) {
            throw new IllegalArgumentException("maseNaive2 must be > 0 and finite, got " + maseNaive2);
        }
        return 0.5 * (smape / smapeNaive2 + mase / maseNaive2);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "M4Score[sMAPE %.4f, MASE %.4f, %d series]", smape, mase, series);
    }

    /**
     * Adds series one at a time; not thread-safe.
     */
    public static final class Accumulator {
        private double smapeSum;
        private double maseSum;
        private int series;
        private int smapeCount;
        private int maseCount;

        private Accumulator() {
        }

        /**
         * Scores one series' forecast.
         *
         * @param actual   the h held-out values. Not modified.
         * @param forecast the h point forecasts, finite. Not modified.
         * @param training the training series (for the MASE scale). Not modified.
         * @param period   the MASE scaling period m &ge; 1 (the competition's frequency)
         * @return this accumulator
         * @throws IllegalArgumentException on length mismatch, non-finite forecasts or {@code period < 1}
         */
        public Accumulator add(double[] actual, double[] forecast, double[] training, int period) {
            MetricValue s = Metrics.smape(actual, forecast);
            MetricValue m = Metrics.mase(actual, forecast, training, period);
            series++;
            if (s.isDefined()) {
                smapeSum += s.value();
                smapeCount++;
            }
            if (m.isDefined()) {
                maseSum += m.value();
                maseCount++;
            }
            return this;
        }

        /**
         * The scores of the series added so far.
         *
         * @return the scores
         */
        public M4Score result() {
            return new M4Score(smapeCount == 0 ? Double.NaN : smapeSum / smapeCount,
                    maseCount == 0 ? Double.NaN : maseSum / maseCount, series, series - smapeCount,
                    series - maseCount);
        }
    }
}
