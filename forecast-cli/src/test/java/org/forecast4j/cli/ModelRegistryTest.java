package org.forecast4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

    private static final ModelOptions NONE = new ModelOptions(Set.of());

    @Test
    void standard_hasTheFourBaselines() {
        ModelRegistry r = ModelRegistry.standard();
        assertEquals(List.of("mean", "naive", "snaive", "drift", "arima", "auto-arima", "lstm"), r.names());
        assertEquals("mean", r.create("mean", NONE).name());
        assertEquals("naive", r.create("naive", NONE).name());
        assertEquals("snaive", r.create("SNaive", NONE).name());
        assertEquals("drift", r.create(" drift ", NONE).name());
    }

    @Test
    void create_unknownName_listsTheModels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelRegistry.standard().create("prophet", NONE));
        assertEquals("--model must be one of mean, naive, snaive, drift, arima, auto-arima, lstm, got 'prophet'", e.getMessage());
    }

    @Test
    void with_addsAModelThatReadsItsOptions() {
        Forecaster seasonal = Forecasters.seasonalNaive(4);
        ModelRegistry r = ModelRegistry.standard().with("custom", "test model", Set.of("--test-flag"), o -> seasonal);
        assertEquals(List.of("mean", "naive", "snaive", "drift", "arima", "auto-arima", "lstm", "custom"), r.names());
        assertEquals("test model", r.summary("custom"));
        assertEquals(seasonal, r.create("custom", new ModelOptions(Set.of("--test-flag"))));
    }

    @Test
    void create_optionOfAnotherModel_isRejected() {
        ModelRegistry r = ModelRegistry.standard().with("custom", "test", Set.of("--test-flag"), o -> Forecasters.mean());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.create("snaive", new ModelOptions(Set.of("--test-flag"))));
        assertEquals("--test-flag does not apply to --model snaive (it takes no model options)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> r.create("custom", new ModelOptions(Set.of("--seed"))));
        assertTrue(e.getMessage().contains("(its options are --test-flag)"), e.getMessage());
    }

    @Test
    void with_badName_isRejected() {
        for (String bad : new String[] {"", "a,b", "a b", "Upper"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> ModelRegistry.standard().with(bad, "x", Set.of(), o -> Forecasters.mean()));
        }
    }

    @Test
    void createAll_flagReadByOneModel_goesToThatModelOnly() {
        Forecaster seasonal = Forecasters.seasonalNaive(4);
        ModelRegistry r = ModelRegistry.standard().with("custom", "test", Set.of("--test-flag"), o -> seasonal);
        java.util.Map<String, Forecaster> m = r.createAll(List.of("SNaive", "custom"),
                new ModelOptions(Set.of("--test-flag")));
        assertEquals(List.of("snaive", "custom"), List.copyOf(m.keySet()));
        assertEquals("snaive", m.get("snaive").name());
        assertEquals(seasonal, m.get("custom"));
    }

    @Test
    void createAll_flagReadByNoModel_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelRegistry.standard().createAll(List.of("snaive", "mean"), new ModelOptions(Set.of("--ic"))));
        assertEquals("--ic does not apply to --model snaive,mean (they take no model options)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ModelRegistry.standard().createAll(List.of("prophet"), new ModelOptions(Set.of())));
        assertTrue(e.getMessage().startsWith("--model must be one of"), e.getMessage());
    }
}
