package org.forecast4j.core.testutil;

import java.io.BufferedReader;
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

/**
 * Reads reference files from test resources: lines {@code name,v1,v2,...} (NA = NaN) with {@link #load}, one
 * column with {@link #column}, all numeric columns with {@link #columns}, and long tables
 * {@code series,quantity,value} with {@link #longTable}.
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /**
     * Loads a resource.
     *
     * @param resource path under the classpath root, e.g. {@code reference/arima/kernels.csv}
     * @return name to values
     */
    public static Map<String, double[]> load(String resource) {
        Map<String, double[]> out = new HashMap<>();
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = br.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                int n = f.length - 1;
                if (n == 1 && f[1].isEmpty()) {
                    n = 0;
                }
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = "NA".equals(f[i + 1]) ? Double.NaN : Double.parseDouble(f[i + 1]);
                }
                out.put(f[0], v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Reads one numeric column of a CSV resource with a header.
     *
     * @param resource path
     * @param column   column name
     * @return values
     */
    public static double[] column(String resource, String column) {
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = br.readLine().split(",");
            int c = -1;
            for (int i = 0; i < header.length; i++) {
                if (header[i].trim().replace("\"", "").equals(column)) {
                    c = i;
                }
            }
            if (c < 0) {
                throw new IllegalStateException("no column " + column + " in " + resource);
            }
            java.util.List<Double> vals = new java.util.ArrayList<>();
            String line;
            while ((line = br.readLine()) != null) {
                if (!line.isBlank()) {
                    String s = line.split(",")[c].trim();
                    vals.add("NA".equals(s) ? Double.NaN : Double.parseDouble(s));
                }
            }
            double[] v = new double[vals.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = vals.get(i);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
