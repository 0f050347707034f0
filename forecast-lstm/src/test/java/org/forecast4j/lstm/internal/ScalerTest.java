package org.forecast4j.lstm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.forecast4j.lstm.Scaling;
import org.junit.jupiter.api.Test;

/** Invertibility of the target scaling and its degenerate cases. */
class ScalerTest {

    @Property(tries = 200)
    void inverse_transform_recoversValues(@ForAll @Size(min = 1, max = 50) double[] y0,
                                          @ForAll Scaling kind, @ForAll @DoubleRange(min = -1e6, max = 1e6) double s) {
        double[] y = new double[y0.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Double.isFinite(y0[i]) ? Math.max(-1e6, Math.min(1e6, y0[i])) : 0;
        }
        Scaler sc = Scaler.fit(kind, y, y.length);
        double[] t = sc.transform(y);
        for (int i = 0; i < y.length; i++) {
            // affine map and its inverse: error is a few ulps of the largest magnitude involved (≤ 2e6)
            assertEquals(y[i], sc.inverse(t[i]), 1e-8);
        }
        assertEquals(s, sc.inverse((s - sc.center()) / sc.scale()), 1e-8);
    }

    @Property(tries = 100)
    void inverse_logTransform_recoversPositiveValues(@ForAll @Size(min = 1, max = 50) double[] y0,
                                                     @ForAll Scaling kind) {
        double[] y = new double[y0.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Double.isFinite(y0[i]) ? 1e-3 + Math.min(1e6, Math.abs(y0[i])) : 1;
        }
        Scaler sc = Scaler.fit(kind, true, y, y.length);
        double[] t = sc.transform(y);
        double meanLog = 0;
        for (int i = 0; i < y.length; i++) {
            // exp(log y) round trip: relative error of a few ulps times |log y| ≤ 14
            assertEquals(y[i], sc.inverse(t[i]), 1e-12 * y[i]);
            meanLog += Math.log(y[i]) / y.length;
        }
        assertEquals(sc.scale() * Math.exp(meanLog), sc.unitScale(), 1e-9 * sc.unitScale());
    }

    @Test
    void fit_constantSeries_scaleOne() {
        Scaler sc = Scaler.fit(Scaling.MIN_MAX, new double[] {5, 5, 5}, 3);
        assertEquals(5, sc.center());
        assertEquals(1, sc.scale());
        Scaler st = Scaler.fit(Scaling.STANDARD, new double[] {2, 2}, 2);
        assertEquals(1, st.scale());
    }

    @Test
    void fit_minMax_mapsTrainingRangeToUnitInterval() {
        Scaler sc = Scaler.fit(Scaling.MIN_MAX, new double[] {3, 7, 5, 100}, 3);
        assertEquals(3, sc.center());
        assertEquals(4, sc.scale());
    }
}
