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
            description = "ARIMA: CSV of regressors (header names; a 'date' column is ignored), n rows for the "
                    + "history then h rows of future values.")
    java.nio.file.Path xreg;

    @picocli.CommandLine.Option(names = "--include-drift", paramLabel = "true|false", arity = "1",
            description = "ARIMA: include a drift when d + D <= 1 (default false).")
    Boolean includeDrift;

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
