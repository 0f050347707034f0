import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.lstm.Lstm;
import org.forecast4j.lstm.LstmConfig;
import org.forecast4j.lstm.LstmModel;
import org.forecast4j.lstm.Scaling;

/**
 * Writes the saved LSTM models (format version 1) and the forecasts they gave at save time, for
 * LegacyModelFormatTest. Run once with the code of main at 0cc81b1 (before the LSTM scaler was rebuilt on the core
 * transforms), from the repository root after {@code mvn -o -q -pl forecast-lstm -am compile}:
 *
 * <pre>
 * java -cp forecast-core/target/classes:forecast-lstm/target/classes:$DEPS \
 *     forecast-lstm/src/test/resources/reference/lstm-format-v1/GenerateLegacyModels.java \
 *     forecast-lstm/src/test/resources/reference/lstm-format-v1
 * </pre>
 * where $DEPS is the compile class path of forecast-lstm ({@code mvn dependency:build-classpath}).
 */
public class GenerateLegacyModels {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Random rnd = new Random(20261129L);
        int n = 72;
        double[] y = new double[n];
        double[] promo = new double[n];
        for (int i = 0; i < n; i++) {
            promo[i] = i % 9 == 0 ? 1 : 0;
            // weekly cycle on a trend, positive so that the log transform applies
            y[i] = 50 + 0.3 * i + 8 * Math.sin(2 * Math.PI * i / 7) + 6 * promo[i] + rnd.nextGaussian();
        }
        TimeSeries s = TimeSeries.daily(LocalDate.of(2025, 3, 1), y).withName("orders");
        LstmConfig.Builder base = LstmConfig.builder().lookback(7).horizon(3).hidden(4).epochs(3).seed(11);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("forecasts.csv")))) {
            out.println("model,quantity,step,bits,value");
            LstmModel a = Lstm.forecaster(base.scaling(Scaling.MIN_MAX).logTransform(false).build())
                    .fit(s, new double[][] {promo});
            a.save(dir.resolve("minmax-covariate.f4jl"));
            double[][] future = {{1, 0, 0, 0, 0, 0, 0, 0, 1, 0}};
            record(out, "minmax-covariate", a.forecast(5, Level.of(80, 95), future), a.fitted());
            LstmModel b = Lstm.forecaster(base.scaling(Scaling.STANDARD).logTransform(true).build()).fit(s);
            b.save(dir.resolve("standard-log.f4jl"));
            record(out, "standard-log", b.forecast(5, Level.of(80, 95)), b.fitted());
            LstmModel c = Lstm.forecaster(base.scaling(Scaling.MIN_MAX).logTransform(true).build()).fit(s);
            c.save(dir.resolve("minmax-log.f4jl"));
            record(out, "minmax-log", c.forecast(5, Level.of(80, 95)), c.fitted());
        }
    }

    private static void record(PrintWriter out, String model, Forecast f, double[] fitted) {
        row(out, model, "mean", f.mean());
        row(out, model, "lower95", f.lower(95));
        row(out, model, "upper80", f.upper(80));
        row(out, model, "fitted", fitted);
    }

    private static void row(PrintWriter out, String model, String what, double[] v) {
        for (int i = 0; i < v.length; i++) {
            out.println(model + "," + what + "," + i + "," + Long.toHexString(Double.doubleToLongBits(v[i])) + ","
                    + v[i]);
        }
    }
}
