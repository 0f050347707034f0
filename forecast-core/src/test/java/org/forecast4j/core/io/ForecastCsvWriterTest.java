package org.forecast4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.junit.jupiter.api.Test;

/** The expected text is written out by hand from the layout in the class javadoc. */
class ForecastCsvWriterTest {

    private static Forecast forecast(String name, double m) {
        TimeSeries history = TimeSeries.daily(LocalDate.of(2024, 1, 1), 1, 2, 3).withName(name);
        return Forecast.of("test", history, new double[] {m, m + 1}, null, Level.of(80, 97.5),
                new double[][] {{m - 1, m}, {m - 2, m - 1}}, new double[][] {{m + 1, m + 2}, {m + 2, m + 3}});
    }

    @Test
    void writeAll_twoSeries_longLayoutWithHeader() {
        StringBuilder out = new StringBuilder();
        ForecastCsvWriter.writeAll(List.of(forecast("a", 10), forecast("b,c", 0.5)), out);
        assertEquals("series,timestamp,mean,lo80,hi80,lo97.5,hi97.5\n"
                + "a,2024-01-04,10.0,9.0,11.0,8.0,12.0\n"
                + "a,2024-01-05,11.0,10.0,12.0,9.0,13.0\n"
                + "\"b,c\",2024-01-04,0.5,-0.5,1.5,-1.5,2.5\n"
                + "\"b,c\",2024-01-05,1.5,0.5,2.5,-0.5,3.5\n", out.toString());
    }

    @Test
    void write_unnamedSeriesWithoutLevels_emptyNameMeanOnly() {
        StringBuilder out = new StringBuilder();
        Forecast f = Forecast.of("m", TimeSeries.of(1, 2), new double[] {4}, null, List.of(), new double[0][],
                new double[0][]);
        ForecastCsvWriter.writeAll(List.of(f), out);
        // commons-csv quotes an empty first field so that the line is not blank
        assertEquals("series,timestamp,mean\n\"\",3,4.0\n", out.toString());
    }

    @Test
    void write_otherLevels_areRejected() {
        ForecastCsvWriter w = new ForecastCsvWriter(new StringBuilder(), Level.of(95));
        assertThrows(IllegalArgumentException.class, () -> w.write(forecast("a", 1)));
    }

    @Test
    void flush_withoutForecasts_writesHeader() {
        StringBuilder out = new StringBuilder();
        new ForecastCsvWriter(out, Level.of(80)).flush();
        assertEquals("series,timestamp,mean,lo80,hi80\n", out.toString());
    }

    @Property(tries = 100)
    void write_numbers_roundTripExactly(@ForAll @DoubleRange(min = -1e12, max = 1e12) double m) throws IOException {
        StringBuilder out = new StringBuilder();
        ForecastCsvWriter.writeAll(List.of(forecast("s", m)), out);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertEquals(m, Double.parseDouble(rows.get(0).get("mean")));
        assertEquals(m - 2, Double.parseDouble(rows.get(0).get("lo97.5")));
        assertEquals(m + 3, Double.parseDouble(rows.get(1).get("hi97.5")));
    }
}
