package org.forecast4j.cli;

import java.util.Objects;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.TimeSeries;

/**
 * A fitted model that hands everything but {@link #forecast} to another one: the base of the command line's
 * wrappers that add behaviour around a forecast (future regressors, remembering which model made it).
 */
abstract class DelegatingFittedModel implements FittedModel {

    /** The wrapped model. */
    final FittedModel delegate;

    DelegatingFittedModel(FittedModel delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public TimeSeries series() {
        return delegate.series();
    }

    @Override
    public double[] fitted() {
        return delegate.fitted();
    }

    @Override
    public double[] residuals() {
        return delegate.residuals();
    }
}
