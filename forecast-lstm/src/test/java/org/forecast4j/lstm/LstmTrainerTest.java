package org.forecast4j.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

/** Training recipe: time split and scaling without leakage, early stopping, listener, input validation. */
class LstmTrainerTest {

    private static LstmConfig.Builder tiny() {
        return LstmConfig.builder().lookback(8).horizon(4).hidden(6).epochs(3).seed(1);
    }

    @Test
    void train_heldOutTailWithOutliers_scalingUsesTrainingPartOnly() {
        // a series in [-1.2, 1.2] whose held-out tail jumps to 100: a leaking scaler would see max = 100
        double[] y = Signals.noisySine(200, 10, 0.05, 3);
        int n = y.length;
        LstmConfig cfg = tiny().validationFraction(0.1).build();
        // independent computation of the split: origins n - L - H + 1 = 189, V = round(0.1·189) = 19,
        // held-out tail V + H - 1 = 22, training part 178
        int trainLength = 178;
        for (int i = trainLength; i < n; i++) {
            y[i] = 100;
        }
        LstmModel m = new LstmTrainer(cfg).train(TimeSeries.of(y));
        assertEquals(trainLength, m.trainLength());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < trainLength; i++) {
            lo = Math.min(lo, y[i]);
            hi = Math.max(hi, y[i]);
        }
        assertEquals(lo, m.scalingCenter(), 0.0);
        assertEquals(hi - lo, m.scalingScale(), 0.0);
        assertEquals(19, m.diagnostics().calibrationOrigins());
        // direct strategy: validation windows are those whose 4 targets all lie in the 22-step tail
        assertEquals(19, m.diagnostics().validationWindows());
        assertEquals(178 - 8 - 4 + 1, m.diagnostics().trainWindows());
    }

    @Test
    void train_standardScaling_usesTrainingMeanAndPopulationSd() {
        double[] y = Signals.ar2(150, 0.5, 0.2, 4);
        LstmModel m = new LstmTrainer(tiny().scaling(Scaling.STANDARD).validationFraction(0.2).build())
                .train(TimeSeries.of(y));
        int nt = m.trainLength();
        double mean = Arrays.stream(y, 0, nt).average().orElseThrow();
        double ss = Arrays.stream(y, 0, nt).map(v -> (v - mean) * (v - mean)).sum();
        assertEquals(mean, m.scalingCenter(), 1e-12);
        assertEquals(Math.sqrt(ss / nt), m.scalingScale(), 1e-12);
    }

    @Test
    void train_patience_stopsEarlyAndRestoresBestWeights() {
        double[] y = Signals.ar2(160, 0.3, 0.0, 6);
        // a large learning rate makes the validation loss noisy, so a minimum is reached early
        LstmConfig cfg = tiny().epochs(60).patience(3).learningRate(0.05).build();
        LstmModel m = new LstmTrainer(cfg).train(TimeSeries.of(y));
        TrainingDiagnostics d = m.diagnostics();
        assertTrue(d.stoppedEarly(), d.toString());
        double[] vl = d.validationLoss();
        int argmin = 0;
        for (int i = 1; i < vl.length; i++) {
            if (vl[i] < vl[argmin]) {
                argmin = i;
            }
        }
        assertEquals(argmin + 1, d.bestEpoch());
        assertEquals(d.bestEpoch() + 3, d.epochsRun());
        // Independent check of the restore: the same seed run for exactly bestEpoch epochs follows the same
        // trajectory and ends on the best epoch, so its final weights must equal the restored ones.
        LstmModel shorter = new LstmTrainer(cfg.toBuilder().epochs(d.bestEpoch()).patience(0).build())
                .train(TimeSeries.of(y));
        assertArrayEquals(shorter.parameters(), m.parameters(), 0.0);
    }

    @Test
    void train_listener_receivesEveryEpochInOrder() {
        List<EpochReport> reports = new ArrayList<>();
        LstmModel m = Lstm.forecaster(tiny().epochs(4).patience(0).build()).withListener(reports::add)
                .fit(TimeSeries.of(Signals.noisySine(80, 8, 0.1, 1)));
        assertEquals(4, reports.size());
        for (int i = 0; i < 4; i++) {
            EpochReport r = reports.get(i);
            assertEquals(i + 1, r.epoch());
            assertEquals(4, r.maxEpochs());
            assertEquals(m.diagnostics().trainLoss()[i], r.trainLoss(), 0.0);
            assertEquals(m.diagnostics().validationLoss()[i], r.validationLoss(), 0.0);
            assertTrue(i == 0 || r.elapsedMillis() >= reports.get(i - 1).elapsedMillis());
        }
    }

    @Test
    void train_sgdWithMomentumDecayAndWeightDecay_reducesLoss() {
        LstmConfig cfg = tiny().optimizer(OptimizerType.SGD).learningRate(0.1).momentum(0.9).weightDecay(1e-4)
                .learningRateDecay(0.95).epochs(15).patience(0).validationFraction(0).build();
        LstmModel m = new LstmTrainer(cfg).train(TimeSeries.of(Signals.noisySine(120, 8, 0.05, 2)));
        double[] l = m.diagnostics().trainLoss();
        assertTrue(l[l.length - 1] < 0.5 * l[0], Arrays.toString(l));
    }

    @Test
    void train_windowLongerThanSeries_clearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LstmTrainer(tiny().lookback(100).build()).train(TimeSeries.of(new double[50])));
        assertEquals("series length 50 is too short for lookback 100 + horizon 4 (needs at least 104 observations)",
                e.getMessage());
    }

    @Test
    void train_validationLeavesNoTrainingWindow_clearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LstmTrainer(tiny().validationFraction(0.5).build()).train(TimeSeries.of(new double[14])));
        assertTrue(e.getMessage().contains("no training window is left"), e.getMessage());
    }

    @Test
    void train_logTransformWithNonPositiveValue_clearError() {
        double[] y = Signals.noisySine(60, 8, 0.1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LstmTrainer(tiny().logTransform(true).build()).train(TimeSeries.of(y)));
        assertTrue(e.getMessage().startsWith("logTransform needs values > 0, got "), e.getMessage());
    }

    @Test
    void train_missingValue_clearError() {
        double[] y = Signals.noisySine(60, 8, 0.1, 1);
        y[17] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LstmTrainer(tiny().build()).train(TimeSeries.of(y)));
        assertTrue(e.getMessage().startsWith("series value at index 17 is missing (NaN)"), e.getMessage());
    }
}
