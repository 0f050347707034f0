package org.forecast4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

/** Expected frequencies follow from the calendar definitions in the class javadoc. */
class FrequencyInferenceTest {

    private static List<LocalDateTime> steps(LocalDateTime start, Frequency f, int n) {
        List<LocalDateTime> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(f.add(start, i));
        }
        return out;
    }

    @Test
    void infer_standardFrequencies_fromRegularSteps() {
        LocalDateTime jan31 = LocalDate.of(2023, 1, 31).atStartOfDay();
        assertEquals(Frequency.DAILY, FrequencyInference.infer(steps(jan31, Frequency.DAILY, 5)));
        assertEquals(Frequency.WEEKLY, FrequencyInference.infer(steps(jan31, Frequency.WEEKLY, 5)));
        assertEquals(Frequency.MONTHLY, FrequencyInference.infer(steps(jan31, Frequency.MONTHLY, 14)));
        assertEquals(Frequency.QUARTERLY, FrequencyInference.infer(steps(jan31, Frequency.QUARTERLY, 9)));
        assertEquals(Frequency.YEARLY, FrequencyInference.infer(steps(jan31, Frequency.YEARLY, 6)));
        assertEquals(Frequency.HOURLY, FrequencyInference.infer(steps(jan31.plusHours(5), Frequency.HOURLY, 30)));
    }

    @Test
    void infer_otherSteps_giveCustomFrequenciesWithPeriodOne() {
        LocalDateTime t = LocalDate.of(2024, 1, 1).atStartOfDay();
        Frequency quarterHour = FrequencyInference.infer(List.of(t, t.plusMinutes(15), t.plusMinutes(30)));
        assertEquals(Frequency.of(Duration.ofMinutes(15), 1), quarterHour);
        Frequency fortnight = FrequencyInference.infer(List.of(t, t.plusDays(14), t.plusDays(28)));
        assertEquals(Frequency.of(Period.ofDays(14), 1), fortnight);
    }

    @Test
    void infer_fewGaps_keepTheMostCommonStep() {
        LocalDateTime t = LocalDate.of(2024, 1, 1).atStartOfDay();
        assertEquals(Frequency.DAILY,
                FrequencyInference.infer(List.of(t, t.plusDays(1), t.plusDays(3), t.plusDays(4), t.plusDays(5))));
    }

    @Test
    void infer_tie_goesToTheShorterStep() {
        LocalDateTime t = LocalDate.of(2024, 1, 1).atStartOfDay();
        assertEquals(Frequency.DAILY, FrequencyInference.infer(List.of(t, t.plusDays(7), t.plusDays(8))));
    }

    @Test
    void infer_singleTimestamp_isRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> FrequencyInference.infer(List.of(LocalDate.of(2024, 1, 1).atStartOfDay())));
    }

    @Provide
    Arbitrary<Frequency> standard() {
        return Arbitraries.of(Frequency.HOURLY, Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY,
                Frequency.QUARTERLY, Frequency.YEARLY);
    }

    @Property(tries = 200)
    void infer_anyStartAndLength_recoversTheFrequency(@ForAll("standard") Frequency f,
                                                      @ForAll @LongRange(min = 0, max = 40_000) long startDay,
                                                      @ForAll @IntRange(min = 2, max = 60) int n) {
        LocalDateTime start = LocalDate.of(1950, 1, 1).plusDays(startDay).atStartOfDay();
        assertEquals(f, FrequencyInference.infer(steps(start, f, n)));
    }

    @Property(tries = 200)
    void read_withFill_restoresDroppedPeriodsAsNaN(@ForAll("standard") Frequency f,
                                                   @ForAll @IntRange(min = 4, max = 40) int n,
                                                   @ForAll long mask) {
        // keep the first two rows (so the most common step is the true one when most rows are kept) and the
        // last row; drop a pseudo-random subset of the others
        LocalDateTime start = LocalDate.of(2001, 1, 1).atStartOfDay();
        double[] expected = new double[n];
        StringBuilder csv = new StringBuilder("date,y\n");
        int kept = 0;
        for (int i = 0; i < n; i++) {
            boolean keep = i < 2 || i == n - 1 || ((mask >>> (i % 64)) & 1) == 1 || i % 2 == 0;
            expected[i] = keep ? i * 1.5 : Double.NaN;
            if (keep) {
                csv.append(f.add(start, i)).append(',').append(i * 1.5).append('\n');
                kept++;
            }
        }
        TimeSeries s = CsvSeriesReader.create().withDateColumn("date").withValueColumn("y").withFrequency(f)
                .withFillGaps(true).read(new StringReader(csv.toString()), "p.csv");
        assertArrayEquals(expected, s.values(), Arrays.toString(s.values()) + " kept " + kept);
        assertEquals(f, s.frequency());
    }
}
