package org.forecast4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class LevelTest {

    @Test
    void normalQuantile_95_isTextbookValue() {
        // qnorm(0.975) = 1.959963984540054 (R 4.2.2)
        assertEquals(1.959963984540054, new Level(95).normalQuantile(), 1e-12);
        // qnorm(0.9) = 1.281551565544601
        assertEquals(1.281551565544601, new Level(80).normalQuantile(), 1e-12);
    }

    @Test
    void of_sortsAndDeduplicates() {
        assertEquals(List.of(new Level(80), new Level(95)), Level.of(95, 80, 95));
    }

    @Test
    void constructor_rejectsOutOfRange_namingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Level(100));
        assertTrue(e.getMessage().contains("level must be in (0, 100), got 100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Level(0));
        assertThrows(IllegalArgumentException.class, () -> new Level(Double.NaN));
    }

    @Property
    void normalQuantile_increasesWithLevel(@ForAll @DoubleRange(min = 1, max = 98) double p) {
        assertTrue(new Level(p + 1).normalQuantile() > new Level(p).normalQuantile());
    }
}
