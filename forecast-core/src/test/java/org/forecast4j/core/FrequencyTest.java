package org.forecast4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import org.junit.jupiter.api.Test;

class FrequencyTest {

    @Test
    void parse_namesAndAliases_caseInsensitive() {
        assertEquals(Frequency.HOURLY, Frequency.parse("hourly"));
        assertEquals(Frequency.DAILY, Frequency.parse(" D "));
        assertEquals(Frequency.WEEKLY, Frequency.parse("Weekly"));
        assertEquals(Frequency.MONTHLY, Frequency.parse("m"));
        assertEquals(Frequency.QUARTERLY, Frequency.parse("quarterly"));
        assertEquals(Frequency.YEARLY, Frequency.parse("annual"));
        assertEquals(Frequency.INDEX, Frequency.parse("none"));
    }

    @Test
    void parse_isoSteps_makeCustomFrequencies() {
        Frequency f = Frequency.parse("PT15M");
        assertEquals(Duration.ofMinutes(15), f.step());
        assertEquals(1, f.defaultPeriod());
        assertFalse(f.isDateBased());
        Frequency g = Frequency.parse("p14d");
        assertEquals(Period.ofDays(14), g.step());
        assertTrue(g.isDateBased());
    }

    @Test
    void parse_unknown_listsTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Frequency.parse("fortnight"));
        assertTrue(e.getMessage().startsWith("frequency must be one of hourly, daily"), e.getMessage());
        assertTrue(e.getMessage().endsWith("got 'fortnight'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Frequency.parse("PTxx"));
        assertThrows(NullPointerException.class, () -> Frequency.parse(null));
    }

    @Test
    void defaultPeriods_matchDesign() {
        assertEquals(24, Frequency.HOURLY.defaultPeriod());
        assertEquals(7, Frequency.DAILY.defaultPeriod());
        assertEquals(52, Frequency.WEEKLY.defaultPeriod());
        assertEquals(12, Frequency.MONTHLY.defaultPeriod());
        assertEquals(4, Frequency.QUARTERLY.defaultPeriod());
        assertEquals(1, Frequency.YEARLY.defaultPeriod());
        assertEquals(1, Frequency.INDEX.defaultPeriod());
    }

    @Test
    void add_monthsFromMonthEnd_stayOnMonthEnds() {
        LocalDateTime jan31 = LocalDateTime.of(2023, 1, 31, 0, 0);
        assertEquals(LocalDateTime.of(2023, 2, 28, 0, 0), Frequency.MONTHLY.add(jan31, 1));
        assertEquals(LocalDateTime.of(2023, 3, 31, 0, 0), Frequency.MONTHLY.add(jan31, 2));
        assertEquals(LocalDateTime.of(2024, 2, 29, 0, 0), Frequency.MONTHLY.add(jan31, 13));
        assertEquals(LocalDateTime.of(2022, 12, 31, 0, 0), Frequency.MONTHLY.add(jan31, -1));
        assertEquals(LocalDateTime.of(2023, 4, 30, 0, 0), Frequency.QUARTERLY.add(jan31, 1));
        assertEquals(LocalDateTime.of(2024, 2, 29, 0, 0), Frequency.YEARLY.add(LocalDateTime.of(2020, 2, 29, 0, 0), 4));
    }

    @Test
    void add_hoursAndDays_crossBoundaries() {
        LocalDateTime t = LocalDateTime.of(2024, 12, 31, 23, 0);
        assertEquals(LocalDateTime.of(2025, 1, 1, 1, 0), Frequency.HOURLY.add(t, 2));
        assertEquals(LocalDateTime.of(2025, 1, 7, 23, 0), Frequency.DAILY.add(t, 7));
        assertEquals(LocalDateTime.of(2025, 1, 14, 23, 0), Frequency.WEEKLY.add(t, 2));
        assertEquals(LocalDateTime.of(2024, 12, 31, 23, 45), Frequency.of(Duration.ofMinutes(15), 96).add(t, 3));
    }

    @Test
    void add_index_throws() {
        assertThrows(IllegalStateException.class, () -> Frequency.INDEX.add(LocalDateTime.MIN, 1));
        assertFalse(Frequency.INDEX.isCalendar());
    }

    @Test
    void of_rejectsNonPositiveStepsAndPeriods() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Frequency.of(Duration.ZERO, 1));
        assertEquals("step must be > 0, got PT0S", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Frequency.of(Period.ofDays(-1), 1));
        assertThrows(IllegalArgumentException.class, () -> Frequency.of(Period.ofDays(1), 0));
    }

    @Test
    void monthBased_onlyForWholeMonthSteps() {
        assertTrue(Frequency.MONTHLY.isMonthBased());
        assertTrue(Frequency.YEARLY.isMonthBased());
        assertFalse(Frequency.DAILY.isMonthBased());
        assertFalse(Frequency.HOURLY.isMonthBased());
        assertFalse(Frequency.of(Period.of(0, 1, 1), 1).isMonthBased());
    }

    @Test
    void equals_byNameStepAndPeriod() {
        assertEquals(Frequency.of(Duration.ofMinutes(15), 96), Frequency.of(Duration.ofMinutes(15), 96));
        assertNotEquals(Frequency.of(Duration.ofMinutes(15), 96), Frequency.of(Duration.ofMinutes(15), 4));
        assertEquals("DAILY", Frequency.DAILY.toString());
    }
}
