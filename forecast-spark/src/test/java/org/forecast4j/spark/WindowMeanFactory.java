package org.forecast4j.spark;

import java.util.Map;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;

/** A test service provider: model "lastweek" = seasonal naive with period 7, no parameters. */
public final class WindowMeanFactory implements ForecasterFactory {

    @Override
    public String model() {
        return "LastWeek";
    }

    @Override
    public Forecaster create(Map<String, Object> params) {
        if (!params.isEmpty()) {
            throw new IllegalArgumentException("lastweek takes no parameters, got " + params.keySet());
        }
        return Forecasters.seasonalNaive(7);
    }
}
