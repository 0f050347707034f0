package org.forecast4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Expected values follow ISO 8601 and the forms listed in the class javadoc. */
class TimestampsTest {

    @Test
    void parse_acceptedForms() {
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), Timestamps.parse("2024"));
        assertEquals(LocalDateTime.of(2024, 3, 1, 0, 0), Timestamps.parse("2024-03"));
        assertEquals(LocalDateTime.of(2024, 3, 31, 0, 0), Timestamps.parse("2024-03-31"));
        assertEquals(LocalDateTime.of(2024, 3, 31, 13, 0), Timestamps.parse("2024-03-31T13:00"));
        assertEquals(LocalDateTime.of(2024, 3, 31, 13, 0, 5), Timestamps.parse("2024-03-31 13:00:05"));
        assertEquals(LocalDateTime.of(2024, 3, 31, 13, 0, 5), Timestamps.parse("2024-03-31T13:00:05.250"));
        assertEquals(LocalDateTime.of(2024, 3, 31, 11, 0), Timestamps.parse("2024-03-31T13:00+02:00"));
        assertEquals(LocalDateTime.of(2024, 3, 31, 13, 0), Timestamps.parse("2024-03-31T13:00:00Z"));
    }

    @Test
    void parse_rejectsOtherText() {
        for (String bad : new String[] {"2024-13-01", "2024-02-30", "31/03/2024", "20240331", "yesterday", "2024-3-1",
            "2024-03-31T25:00"}) {
            assertNull(Timestamps.parse(bad), bad);
        }
    }

    @Test
    void show_datesAtMidnightDateTimesOtherwise() {
        assertEquals("2024-03-31", Timestamps.show(LocalDateTime.of(2024, 3, 31, 0, 0)));
        assertEquals("2024-03-31T13:30", Timestamps.show(LocalDateTime.of(2024, 3, 31, 13, 30)));
    }

    @Test
    void isMonthEnd_leapYears() {
        assertTrue(Timestamps.isMonthEnd(LocalDateTime.of(2024, 2, 29, 0, 0)));
        assertTrue(!Timestamps.isMonthEnd(LocalDateTime.of(2024, 2, 28, 0, 0)));
        assertTrue(Timestamps.isMonthEnd(LocalDateTime.of(2023, 2, 28, 0, 0)));
    }

    @Property(tries = 200)
    void seconds_roundTrip(@ForAll @LongRange(min = -4_000_000_000L, max = 8_000_000_000L) long s) {
        assertEquals(s, Timestamps.seconds(Timestamps.of(s)));
        assertEquals(Timestamps.of(s), Timestamps.parse(Timestamps.of(s).toString()));
    }
}
