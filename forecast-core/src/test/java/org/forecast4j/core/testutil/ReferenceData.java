package org.forecast4j.core.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the reference CSV files under {@code src/test/resources/reference/}. */
public final class ReferenceData {

    private ReferenceData() {
    }

    /**
     * Reads the numeric columns of a CSV resource with a header row.
     *
     * @param resource class-path resource, e.g. {@code /reference/unitroot/AirPassengers.csv}
     * @return column name to values
     */
    public static Map<String, double[]> columns(String resource) {
        Map<String, List<Double>> cols = new HashMap<>();
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            for (CSVRecord rec : p) {
                for (String h : p.getHeaderNames()) {
                    String v = rec.get(h).trim();
                    double d;
                    try {
                        d = "NA".equals(v) ? Double.NaN : Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        continue; // non-numeric column such as a date
                    }
                    cols.computeIfAbsent(h, k -> new ArrayList<>()).add(d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, double[]> out = new HashMap<>();
        for (Map.Entry<String, List<Double>> e : cols.entrySet()) {
            out.put(e.getKey(), e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    /**
     * The {@code y} column of a series CSV.
     *
     * @param resource class-path resource
     * @return values
     */
    public static double[] series(String resource) {
        return columns(resource).get("y");
    }

    /**
     * Reads a long table {@code series,quantity,value} into {@code series -> quantity -> value}.
     *
     * @param resource class-path resource
     * @return nested map
     */
    public static Map<String, Map<String, Double>> longTable(String resource) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            for (CSVRecord rec : p) {
                out.computeIfAbsent(rec.get("series"), k -> new HashMap<>())
                        .put(rec.get("quantity"), Double.parseDouble(rec.get("value").trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
