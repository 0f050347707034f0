package org.forecast4j.cli;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The model-specific flags of the {@code forecast} and {@code evaluate} commands, shared by both as a picocli
 * mixin and handed to every {@link ModelRegistry.Factory}. The baselines (mean, naive, snaive, drift) need no flag
 * of their own: their seasonal period is the series' ({@code --period} or the frequency's default).
 *
 * <p>To add a model with options (e.g. ARIMA's {@code --order p,d,q}), add annotated {@code @Option} fields here,
 * register a factory that reads them ({@link ModelRegistry#with}), and declare the option names the factory uses so
 * that {@link ModelRegistry#create} can reject flags that do not apply to the chosen model.
 */
@picocli.CommandLine.Command
public class ModelOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @picocli.CommandLine.Option(names = "--order", paramLabel = "p,d,q",
            description = "ARIMA: non-seasonal order (default 0,0,0).")
    String order;

    @picocli.CommandLine.Option(names = "--seasonal-order", paramLabel = "P,D,Q",
            description = "ARIMA: seasonal order, period from --period (default 0,0,0).")
    String seasonalOrder;

    @picocli.CommandLine.Option(names = "--method", paramLabel = "ml|css|css-ml",
            description = "ARIMA: estimation method (default css-ml, as R).")
    String method;

    @picocli.CommandLine.Option(names = "--include-mean", paramLabel = "true|false", arity = "1",
            description = "ARIMA: include a mean when d + D = 0 (default true).")
    Boolean includeMean;

    @picocli.CommandLine.Option(names = "--xreg", paramLabel = "FILE",
            description = "ARIMA, auto-ARIMA: CSV of regressors (header names; a 'date' column is ignored), n rows for the "
                    + "history then h rows of future values.")
    java.nio.file.Path xreg;

    @picocli.CommandLine.Option(names = "--lambda", paramLabel = "<number>|auto",
            description = "ARIMA, auto-ARIMA: model the Box-Cox transform of the series with this lambda (0 = log), "
                    + "or 'auto' for Guerrero's choice on [-0.9, 2]; forecasts are back-transformed (R's lambda).")
    String lambda;

    @picocli.CommandLine.Option(names = "--biasadj",
            description = "ARIMA, auto-ARIMA: with --lambda, back-transformed point forecasts are bias-adjusted means "
                    + "instead of medians (R's biasadj).")
    boolean biasadj;

    @picocli.CommandLine.Option(names = "--include-drift", paramLabel = "true|false", arity = "1",
            description = "ARIMA: include a drift when d + D <= 1 (default false).")
    Boolean includeDrift;

    @picocli.CommandLine.Option(names = "--ic", paramLabel = "aicc|aic|bic",
            description = "auto-ARIMA: information criterion ranking the candidates (default aicc, as R).")
    String ic;

    @picocli.CommandLine.Option(names = "--stepwise", paramLabel = "true|false", arity = "1",
            description = "auto-ARIMA: stepwise search (true, default) or the full search (false).")
    Boolean stepwise;

    @picocli.CommandLine.Option(names = "--max-p", paramLabel = "<p>",
            description = "auto-ARIMA: largest AR order p (default 5).")
    Integer maxP;

    @picocli.CommandLine.Option(names = "--max-q", paramLabel = "<q>",
            description = "auto-ARIMA: largest MA order q (default 5).")
    Integer maxQ;

    @picocli.CommandLine.Option(names = "--max-order", paramLabel = "<n>",
            description = "auto-ARIMA: largest p + q + P + Q of the full search (default 5).")
    Integer maxOrder;

    @picocli.CommandLine.Option(names = "--seasonal", paramLabel = "true|false", arity = "1",
            description = "auto-ARIMA: consider seasonal models (default true).")
    Boolean seasonal;

    @picocli.CommandLine.Option(names = "--lookback", paramLabel = "<L>",
            description = "LSTM: look-back window length (default 28).")
    Integer lookback;

    @picocli.CommandLine.Option(names = "--hidden", paramLabel = "<units>",
            description = "LSTM: hidden units per layer (default 64).")
    Integer hidden;

    @picocli.CommandLine.Option(names = "--layers", paramLabel = "<n>",
            description = "LSTM: stacked recurrent layers (default 1).")
    Integer layers;

    @picocli.CommandLine.Option(names = "--epochs", paramLabel = "<n>",
            description = "LSTM: maximum training epochs (default 30).")
    Integer epochs;

    @picocli.CommandLine.Option(names = "--batch", paramLabel = "<n>",
            description = "LSTM: mini-batch size in windows (default 32).")
    Integer batch;

    @picocli.CommandLine.Option(names = "--learning-rate", paramLabel = "<rate>",
            description = "LSTM: Adam learning rate (default 0.001).")
    Double learningRate;

    @picocli.CommandLine.Option(names = "--cell", paramLabel = "lstm|gru",
            description = "LSTM: recurrent cell (default lstm).")
    String cell;

    @picocli.CommandLine.Option(names = "--seed", paramLabel = "<seed>",
            description = "LSTM: random seed of initialisation and batching (default 42).")
    Long seed;

    @Spec(Spec.Target.SELF)
    CommandSpec self;

    private final Set<String> explicit;

    /** Options read from the command line (picocli fills the fields). */
    public ModelOptions() {
        this.explicit = null;
    }

    /**
     * Options not bound to a command line, for use from code and tests.
     *
     * @param given the names of the model options to treat as given (e.g. {@code "--order"})
     */
    public ModelOptions(Set<String> given) {
        this.explicit = Collections.unmodifiableSet(new LinkedHashSet<>(given));
    }

    /**
     * The names of this mixin's options that were given on the command line.
     *
     * @return option names such as {@code "--order"}; empty when none
     */
    public Set<String> given() {
        if (explicit != null) {
            return explicit;
        }
        Set<String> out = new LinkedHashSet<>();
        if (self == null || mixee == null || mixee.commandLine() == null
                || mixee.commandLine().getParseResult() == null) {
            return out;
        }
        Set<String> mine = new LinkedHashSet<>();
        for (OptionSpec o : self.options()) {
            mine.add(o.longestName());
        }
        for (OptionSpec o : mixee.commandLine().getParseResult().matchedOptions()) {
            if (mine.contains(o.longestName())) {
                out.add(o.longestName());
            }
        }
        return out;
    }
}
