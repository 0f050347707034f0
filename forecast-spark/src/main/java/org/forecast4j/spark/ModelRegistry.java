package org.forecast4j.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.ArimaMethod;
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.core.arima.select.Ic;

/** Resolves a model name and its JSON parameters to a forecaster: built-in models, then service providers. */
final class ModelRegistry {

    private static final List<String> BUILT_IN = List.of("arima", "autoarima", "drift", "mean", "naive", "snaive");
    private static volatile Map<String, ForecasterFactory> providers;

    private ModelRegistry() {
    }

    static Forecaster create(String model, Map<String, Object> params) {
        switch (model) {
            case "mean":
                allowOnly(model, params);
                return Forecasters.mean();
            case "naive":
                allowOnly(model, params);
                return Forecasters.naive();
            case "drift":
                allowOnly(model, params);
                return Forecasters.drift();
            case "snaive":
                allowOnly(model, params, "period");
                return params.containsKey("period")
                        ? Forecasters.seasonalNaive(intParam(model, params, "period", 1))
                        : Forecasters.seasonalNaive();
            case "arima":
                return arima(params);
            case "autoarima":
                return autoArima(params);
            default:
                ForecasterFactory f = providers().get(model);
                if (f == null) {
                    Set<String> known = new TreeSet<>(BUILT_IN);
                    known.addAll(providers().keySet());
                    throw new IllegalArgumentException("model must be one of " + known + ", got '" + model + "'");
                }
                return f.create(params);
        }
    }

    private static Forecaster arima(Map<String, Object> params) {
        String m = "arima";
        allowOnly(m, params, "order", "seasonal", "period", "mean", "drift", "method");
        int[] order = params.containsKey("order") ? triple(m, params, "order") : new int[3];
        Arima a = Arima.of(order[0], order[1], order[2]);
        int period = params.containsKey("period") ? intParam(m, params, "period", 0) : 0;
        if (params.containsKey("seasonal")) {
            int[] s = triple(m, params, "seasonal");
            a = a.withSeasonal(s[0], s[1], s[2], period);
        } else if (params.containsKey("period")) {
            throw new IllegalArgumentException("arima parameter \"period\" needs \"seasonal\": [P, D, Q]");
        }
        if (params.containsKey("mean")) {
            a = a.withMean(boolParam(m, params, "mean"));
        }
        if (params.containsKey("drift")) {
            a = a.withDrift(boolParam(m, params, "drift"));
        }
        if (params.containsKey("method")) {
            Object v = params.get("method");
            if (!(v instanceof String)) {
                throw new IllegalArgumentException("arima parameter \"method\" must be a string, got " + v);
            }
            a = a.withMethod(ArimaMethod.parse((String) v));
        }
        return a;
    }

    private static Forecaster autoArima(Map<String, Object> params) {
        String m = "autoarima";
        allowOnly(m, params, "ic", "stepwise", "approximation", "seasonal", "maxP", "maxQ", "maxSeasonalP",
                "maxSeasonalQ", "maxOrder", "d", "seasonalD", "allowDrift", "allowMean");
        // one thread per fit: Spark runs one task per executor core already
        AutoArima.Builder b = AutoArima.builder().parallelism(1);
        if (params.containsKey("ic")) {
            Object v = params.get("ic");
            String text = v instanceof String ? ((String) v).trim().toUpperCase(Locale.ROOT) : "";
            Ic ic = null;
            for (Ic c : Ic.values()) {
                if (c.name().equals(text)) {
                    ic = c;
                }
            }
            if (ic == null) {
                throw new IllegalArgumentException(m + " parameter \"ic\" must be \"aicc\", \"aic\" or \"bic\", got "
                        + v);
            }
            b.ic(ic);
        }
        if (params.containsKey("stepwise")) {
            b.stepwise(boolParam(m, params, "stepwise"));
        }
        if (params.containsKey("approximation")) {
            b.approximation(boolParam(m, params, "approximation"));
        }
        if (params.containsKey("seasonal")) {
            b.seasonal(boolParam(m, params, "seasonal"));
        }
        if (params.containsKey("maxP") || params.containsKey("maxQ")) {
            b.maxOrders(params.containsKey("maxP") ? intParam(m, params, "maxP", 0) : 5,
                    params.containsKey("maxQ") ? intParam(m, params, "maxQ", 0) : 5);
        }
        if (params.containsKey("maxSeasonalP") || params.containsKey("maxSeasonalQ")) {
            b.maxSeasonalOrders(params.containsKey("maxSeasonalP") ? intParam(m, params, "maxSeasonalP", 0) : 2,
                    params.containsKey("maxSeasonalQ") ? intParam(m, params, "maxSeasonalQ", 0) : 2);
        }
        if (params.containsKey("maxOrder")) {
            b.maxOrder(intParam(m, params, "maxOrder", 0));
        }
        if (params.containsKey("d")) {
            b.d(intParam(m, params, "d", 0));
        }
        if (params.containsKey("seasonalD")) {
            b.seasonalD(intParam(m, params, "seasonalD", 0));
        }
        if (params.containsKey("allowDrift") || params.containsKey("allowMean")) {
            b.allowConstant(!params.containsKey("allowDrift") || boolParam(m, params, "allowDrift"),
                    !params.containsKey("allowMean") || boolParam(m, params, "allowMean"));
        }
        return b.build();
    }

    private static void allowOnly(String model, Map<String, Object> params, String... allowed) {
        List<String> ok = Arrays.asList(allowed);
        for (String k : params.keySet()) {
            if (!ok.contains(k)) {
                throw new IllegalArgumentException("unknown parameter \"" + k + "\" for model " + model
                        + "; expected " + (ok.isEmpty() ? "none" : "one of " + ok));
            }
        }
    }

    private static int intParam(String model, Map<String, Object> params, String name, int min) {
        Object v = params.get(name);
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
                || ((Number) v).longValue() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(model + " parameter \"" + name + "\" must be an integer >= " + min
                    + ", got " + v);
        }
        return ((Number) v).intValue();
    }

    private static boolean boolParam(String model, Map<String, Object> params, String name) {
        Object v = params.get(name);
        if (!(v instanceof Boolean)) {
            throw new IllegalArgumentException(model + " parameter \"" + name + "\" must be true or false, got "
                    + v);
        }
        return (Boolean) v;
    }

    private static int[] triple(String model, Map<String, Object> params, String name) {
        Object v = params.get(name);
        if (v instanceof List && ((List<?>) v).size() == 3) {
            int[] out = new int[3];
            for (int i = 0; i < 3; i++) {
                Object e = ((List<?>) v).get(i);
                if (!(e instanceof Integer) || (Integer) e < 0) {
                    out = null;
                    break;
                }
                out[i] = (Integer) e;
            }
            if (out != null) {
                return out;
            }
        }
        throw new IllegalArgumentException(model + " parameter \"" + name
                + "\" must be three non-negative integers [p, d, q], got " + v);
    }

    private static Map<String, ForecasterFactory> providers() {
        Map<String, ForecasterFactory> p = providers;
        if (p == null) {
            synchronized (ModelRegistry.class) {
                p = providers;
                if (p == null) {
                    p = new TreeMap<>();
                    List<String> clashes = new ArrayList<>();
                    for (ForecasterFactory f : ServiceLoader.load(ForecasterFactory.class,
                            ModelRegistry.class.getClassLoader())) {
                        String name = f.model().trim().toLowerCase(Locale.ROOT);
                        if (BUILT_IN.contains(name) || p.containsKey(name)) {
                            clashes.add(name);
                        } else {
                            p.put(name, f);
                        }
                    }
                    if (!clashes.isEmpty()) {
                        throw new IllegalStateException("forecaster factories clash on model names " + clashes);
                    }
                    providers = p;
                }
            }
        }
        return p;
    }
}
