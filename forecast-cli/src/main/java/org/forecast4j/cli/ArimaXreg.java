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
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.core.arima.select.AutoArimaModel;

/**
 * {@code --xreg FILE}: regression with ARIMA errors from the command line, for {@code --model arima} (a given order)
 * and {@code --model auto-arima} (orders chosen with the regressors, R's {@code auto.arima(xreg = )}). The file is a CSV with a header; every
 * column is a regressor except one named {@code date} (ignored). Its first n rows go with the n observations of
 * the series, the following h rows are the future values used for an h-step forecast, so it needs at least
 * n + h rows.
 */
final class ArimaXreg implements Forecaster {

    private final Arima spec;
    private final AutoArima auto;
    private final Path file;
    private final List<String> names;
    private final double[][] columns;

    private ArimaXreg(Arima spec, AutoArima auto, Path file, List<String> names, double[][] columns) {
        this.spec = spec;
        this.auto = auto;
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
        return read(Objects.requireNonNull(spec, "spec"), null, file);
    }

    /**
     * Reads the regressor file for auto-ARIMA.
     *
     * @param auto the auto-ARIMA forecaster
     * @param file the CSV
     * @return the forecaster
     * @throws IllegalArgumentException naming the file, line and column for unreadable or non-numeric cells
     */
    static ArimaXreg read(AutoArima auto, Path file) {
        return read(null, Objects.requireNonNull(auto, "auto"), file);
    }

    private static ArimaXreg read(Arima spec, AutoArima auto, Path file) {
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
        return new ArimaXreg(spec, auto, file, names, c);
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
        if (auto != null) {
            AutoArimaModel m = auto.fit(series, rows(0, n));
            return new Fitted(m, m.arima().orElse(null), m, n);
        }
        FittedArima m = spec.fit(series, rows(0, n));
        return new Fitted(m, m, null, n);
    }

    @Override
    public String name() {
        return auto != null ? auto.name() : "arima";
    }

    /** The fitted ARIMA (or auto-ARIMA result) plus the future rows of the regressor file. */
    final class Fitted extends DelegatingFittedModel {
        private final FittedArima model;
        private final AutoArimaModel autoModel;

        /** Observations of the series given to fit (the regressor rows after them are the future). */
        private final int n;

        Fitted(FittedModel delegate, FittedArima model, AutoArimaModel autoModel, int n) {
            super(delegate);
            this.n = n;
            this.model = model;
            this.autoModel = autoModel;
        }

        /** The ARIMA, or null when auto-ARIMA fell back to a baseline. */
        FittedArima arima() {
            return model;
        }

        /** The auto-ARIMA result, or null for {@code --model arima}. */
        AutoArimaModel autoArima() {
            return autoModel;
        }

        @Override
        public Forecast forecast(int horizon, List<Level> levels) {
            int rows = columns[0].length;
            if (rows < n + horizon) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "--xreg %s has %d rows; a %d-step forecast after %d observations needs %d (future regressor "
                                + "values after the history)", file, rows, horizon, n, n + horizon));
            }
            Regressors future = rows(n, horizon);
            return autoModel != null ? autoModel.forecast(horizon, levels, future)
                    : model.forecast(horizon, levels, future);
        }
    }
}
