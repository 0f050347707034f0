package org.forecast4j.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Builder validation and defaults. */
class LstmConfigTest {

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void builder_badValues_clearMessages() {
        assertEquals("hidden must be > 0, got 0", message(() -> LstmConfig.builder().hidden(0)));
        assertEquals("horizon must be > 0, got 0", message(() -> LstmConfig.builder().horizon(0)));
        assertEquals("horizon must be > 0, got -3", message(() -> LstmConfig.builder().horizon(-3)));
        assertEquals("lookback must be > 0, got 0", message(() -> LstmConfig.builder().lookback(0)));
        assertEquals("layers must be > 0, got 0", message(() -> LstmConfig.builder().layers(0)));
        assertEquals("epochs must be > 0, got 0", message(() -> LstmConfig.builder().epochs(0)));
        assertEquals("batchSize must be > 0, got 0", message(() -> LstmConfig.builder().batchSize(0)));
        assertEquals("learningRate must be finite and > 0, got NaN",
                message(() -> LstmConfig.builder().learningRate(Double.NaN)));
        assertEquals("dropout must be in [0, 1), got 1.0", message(() -> LstmConfig.builder().dropout(1)));
        assertEquals("validationFraction must be in [0, 0.5], got 0.7",
                message(() -> LstmConfig.builder().validationFraction(0.7)));
        assertEquals("momentum must be in [0, 1), got 1.0", message(() -> LstmConfig.builder().momentum(1)));
        assertEquals("clipNorm must be finite and >= 0, got -1.0", message(() -> LstmConfig.builder().clipNorm(-1)));
        assertEquals("weightDecay must be finite and >= 0, got -0.1",
                message(() -> LstmConfig.builder().weightDecay(-0.1)));
        assertEquals("learningRateDecay must be in (0, 1], got 0.0",
                message(() -> LstmConfig.builder().learningRateDecay(0)));
        assertEquals("patience must be >= 0, got -1", message(() -> LstmConfig.builder().patience(-1)));
    }

    @Test
    void build_dropoutWithOneLayer_rejected() {
        assertEquals("dropout 0.2 needs layers >= 2 (it is applied between recurrent layers), got layers 1",
                message(() -> LstmConfig.builder().dropout(0.2).build()));
    }

    @Test
    void defaults_matchDocumentation() {
        LstmConfig c = LstmConfig.defaults();
        assertEquals(CellType.LSTM, c.cell());
        assertEquals(Strategy.DIRECT, c.strategy());
        assertEquals(28, c.lookback());
        assertEquals(14, c.horizon());
        assertEquals(64, c.hidden());
        assertEquals(1, c.layers());
        assertEquals(30, c.epochs());
        assertEquals(32, c.batchSize());
        assertEquals(1e-3, c.learningRate());
        assertEquals(OptimizerType.ADAM, c.optimizer());
        assertEquals(1.0, c.clipNorm());
        assertEquals(0.1, c.validationFraction());
        assertEquals(10, c.patience());
        assertEquals(Scaling.MIN_MAX, c.scaling());
        assertEquals(42, c.seed());
    }

    @Test
    void toBuilder_roundTrip_equalAndIndependent() {
        LstmConfig c = LstmConfig.builder().cell(CellType.GRU).layers(2).dropout(0.1).seed(7).build();
        assertEquals(c, c.toBuilder().build());
        assertEquals(c.hashCode(), c.toBuilder().build().hashCode());
        assertNotEquals(c, c.toBuilder().seed(8).build());
    }
}
