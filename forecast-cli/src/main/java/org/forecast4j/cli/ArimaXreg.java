package org.forecast4j.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.arima.Regressors;

/**
 * {@code --xreg FILE}: regression with ARIMA errors from the command line. The file is a CSV with a header; every
 * column is a regressor except one named {@code date} (ignored). Its first n rows go with the n observations of
 * the series, the following h rows are the future values used for an h-step forecast, so it needs at least
 * n + h rows.
 */
final class ArimaXreg implements Forecaster {

    private final Arima spec;
    private final Path file;
    private final List<String> names;
    private final double[][] columns;

    private ArimaXreg(Arima spec, Path file, List<String> names, double[][] columns) {
        this.spec = spec;
        this.file = file;
        this.names = names;
        this.columns = columns;
    }

    /**
     * Reads the regressor file.
     *
     * @param spec the ARIMA spec
     * @param file the CSV
     * @return the forecaster
     * @throws IllegalArgumentException naming the file, line and column for unreadable or non-numeric cells
     */
    static ArimaXreg read(Arima spec, Path file) {
        Objects.requireNonNull(file, "file");
        List<String> names = new ArrayList<>();
        List<List<Double>> cols = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build()
                     .parse(r)) {
            List<String> header = p.getHeaderNames();
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (!"date".equals(header.get(i).toLowerCase(Locale.ROOT))) {
                    names.add(header.get(i));
                    idx.add(i);
                    cols.add(new ArrayList<>());
                }
            }
            if (names.isEmpty()) {
                throw new IllegalArgumentException("--xreg " + file + ": no regressor columns (only 'date')");
            }
            for (CSVRecord rec : p) {
                for (int j = 0; j < idx.size(); j++) {
                    String cell = rec.get(idx.get(j));
                    try {
                        cols.get(j).add(cell.isEmpty() || "NA".equals(cell) ? Double.NaN : Double.parseDouble(cell));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "--xreg %s line %d column '%s': not a number: '%s'", file, rec.getRecordNumber() + 1,
                                names.get(j), cell), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--xreg " + file + ": cannot read: " + e.getMessage(), e);
        }
        double[][] c = new double[names.size()][];
        for (int j = 0; j < c.length; j++) {
            c[j] = cols.get(j).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new ArimaXreg(spec, file, names, c);
    }

    private Regressors rows(int from, int len) {
        double[][] c = new double[columns.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = java.util.Arrays.copyOfRange(columns[j], from, from + len);
        }
        return Regressors.of(names, c);
    }

    @Override
    public FittedModel fit(TimeSeries series) {
        int n = series.length();
        int rows = columns[0].length;
        if (rows < n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--xreg %s has %d rows but the series has %d observations (plus the forecast horizon needed)", file,
                    rows, n));
        }
        return new Fitted(spec.fit(series, rows(0, n)));
    }

    @Override
    public String name() {
        return "arima";
    }

    /** The fitted ARIMA plus the future rows of the regressor file. */
    final class Fitted extends DelegatingFittedModel {
        private final FittedArima model;

        Fitted(FittedArima model) {
            super(model);
            this.model = model;
        }

        FittedArima arima() {
            return model;
        }

        @Override
        public Forecast forecast(int horizon, List<Level> levels) {
            int n = model.series().length();
            int rows = columns[0].length;
            if (rows < n + horizon) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "--xreg %s has %d rows; a %d-step forecast after %d observations needs %d (future regressor "
                                + "values after the history)", file, rows, horizon, n, n + horizon));
            }
            return model.forecast(horizon, levels, rows(n, horizon));
        }
    }
}
