package org.forecast4j.core.arima;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.transform.BoxCox;

/**
 * The versioned JSON form of a {@link FittedArima} (format {@code "forecast4j-arima"}, version 1): the spec, the
 * training series, the estimates and diagnostics, and the final Kalman state, with every double written in Java's
 * shortest round-trip form so that a reloaded model forecasts identically. Non-finite numbers are written as
 * {@code null}, except in the series values where {@code null} means a missing observation.
 *
 * <pre>
 * {"format": "forecast4j-arima", "version": 1,
 *  "spec": {"order": [p,d,q], "seasonalOrder": [P,D,Q], "period": s, "method": "ML", "includeMean": true,
 *           "includeDrift": false, "transformPars": true, "fixed": null | [..]
 *           [, "lambda": .., "biasAdjust": bool]},          (Box–Cox models only; the series is then untransformed)
 *  "series": {"name": .., "frequency": "DAILY", "start": "2022-01-01T00:00" | null, "startIndex": 1,
 *             "period": 7, "values": [..]},
 *  "fit": {"method": "ML", "coefficientNames": [..], "coefficients": [..], "estimated": [true, ..],
 *          "standardErrors": [..], "covariance": [[..]], "sigma2": .., "logLikelihood": .., "aic": .., "aicc": ..,
 *          "bic": .., "nobs": .., "converged": .., "iterations": .., "evaluations": .., "warnings": [..],
 *          "residuals": [..], "intercept": bool, "drift": bool, "regressors": [..]},
 *  "state": {"phi": [..], "theta": [..], "delta": [..], "a": [..], "P": [..]}}
 * </pre>
 */
final class ArimaJson {

    static final String FORMAT = "forecast4j-arima";
    static final int VERSION = 1;

    private ArimaJson() {
    }

    static String write(FittedArima.Parts f, FittedArima.Inference inf, List<String> warnings) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"format\":\"").append(FORMAT).append("\",\"version\":").append(VERSION);
        Arima s = f.spec;
        sb.append(",\"spec\":{\"order\":[").append(s.p).append(',').append(s.d).append(',').append(s.q)
                .append("],\"seasonalOrder\":[").append(s.seasonalP).append(',').append(s.seasonalD).append(',')
                .append(s.seasonalQ).append("],\"period\":").append(s.period).append(",\"method\":");
        str(sb, s.method.name());
        sb.append(",\"includeMean\":").append(s.includeMean).append(",\"includeDrift\":").append(s.includeDrift)
                .append(",\"transformPars\":").append(s.transformPars).append(",\"fixed\":");
        if (s.fixed == null) {
            sb.append("null");
        } else {
            nums(sb, s.fixed);
        }
        if (f.original != null) {
            // Box–Cox: the resolved lambda; the series below is then on the original scale
            sb.append(",\"lambda\":");
            num(sb, f.lambda);
            sb.append(",\"biasAdjust\":").append(f.biasAdjust);
        }
        TimeSeries y = f.original != null ? f.original : f.series;
        sb.append("},\"series\":{\"name\":");
        str(sb, y.name());
        sb.append(",\"frequency\":");
        str(sb, y.frequency().name());
        sb.append(",\"start\":");
        str(sb, y.frequency().isCalendar() ? y.start().toString() : null);
        sb.append(",\"startIndex\":").append(y.startIndex()).append(",\"period\":").append(y.period())
                .append(",\"values\":");
        nums(sb, y.values());
        sb.append("},\"fit\":{\"method\":");
        str(sb, f.method.name());
        sb.append(",\"order\":[").append(f.p).append(',').append(f.d).append(',').append(f.q)
                .append("],\"seasonalOrder\":[").append(f.sp).append(',').append(f.sd).append(',').append(f.sq)
                .append("],\"period\":").append(f.period).append(",\"coefficientNames\":");
        strs(sb, f.names);
        sb.append(",\"coefficients\":");
        nums(sb, f.coef);
        sb.append(",\"estimated\":[");
        for (int i = 0; i < f.mask.length; i++) {
            sb.append(i > 0 ? "," : "").append(f.mask[i]);
        }
        sb.append("],\"standardErrors\":");
        nums(sb, inf.se);
        sb.append(",\"covariance\":[");
        for (int i = 0; i < inf.vcov.length; i++) {
            sb.append(i > 0 ? "," : "");
            nums(sb, inf.vcov[i]);
        }
        sb.append("],\"sigma2\":");
        num(sb, f.sigma2);
        sb.append(",\"logLikelihood\":");
        num(sb, f.loglik);
        sb.append(",\"aic\":");
        num(sb, f.aic);
        sb.append(",\"aicc\":");
        num(sb, f.aicc);
        sb.append(",\"bic\":");
        num(sb, f.bic);
        sb.append(",\"nobs\":").append(f.nobs).append(",\"converged\":").append(f.converged)
                .append(",\"iterations\":").append(f.iterations).append(",\"evaluations\":").append(f.evaluations)
                .append(",\"warnings\":");
        strs(sb, warnings);
        sb.append(",\"residuals\":");
        nums(sb, f.residuals);
        sb.append(",\"intercept\":").append(f.hasIntercept).append(",\"drift\":").append(f.hasDrift)
                .append(",\"regressors\":");
        strs(sb, f.xregNames);
        sb.append("},\"state\":{\"phi\":");
        nums(sb, f.phi);
        sb.append(",\"theta\":");
        nums(sb, f.theta);
        sb.append(",\"delta\":");
        nums(sb, f.delta);
        sb.append(",\"a\":");
        nums(sb, f.state);
        sb.append(",\"P\":");
        nums(sb, f.cov);
        sb.append("}}");
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static FittedArima.Parts read(String json) {
        Object root = new Parser(json).value();
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("ARIMA model JSON must be an object");
        }
        Map<String, Object> m = (Map<String, Object>) root;
        if (!FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("not a forecast4j ARIMA model: format is " + m.get("format")
                    + ", expected \"" + FORMAT + "\"");
        }
        int version = (int) num(m, "version");
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported ARIMA model version " + version + " (this build reads "
                    + VERSION + ")");
        }
        Map<String, Object> sp = obj(m, "spec");
        double[] ord = arr(sp, "order");
        double[] sord = arr(sp, "seasonalOrder");
        Arima spec = Arima.of((int) ord[0], (int) ord[1], (int) ord[2])
                .withSeasonal((int) sord[0], (int) sord[1], (int) sord[2], (int) num(sp, "period"))
                .withMethod(ArimaMethod.valueOf((String) sp.get("method")))
                .withMean(Boolean.TRUE.equals(sp.get("includeMean")))
                .withDrift(Boolean.TRUE.equals(sp.get("includeDrift")))
                .withTransformPars(Boolean.TRUE.equals(sp.get("transformPars")));
        if (sp.get("fixed") != null) {
            spec = spec.withFixed(arr(sp, "fixed"));
        }
        double lambda = sp.get("lambda") != null ? num(sp, "lambda") : Double.NaN;
        boolean biasAdjust = Boolean.TRUE.equals(sp.get("biasAdjust"));
        if (!Double.isNaN(lambda)) {
            spec = spec.withLambda(lambda).withBiasAdjust(biasAdjust);
        }
        Map<String, Object> se = obj(m, "series");
        Frequency freq = Frequency.parse((String) se.get("frequency"));
        TimeSeries.Builder b = TimeSeries.builder(arr(se, "values")).frequency(freq)
                .period((int) num(se, "period")).startIndex((long) num(se, "startIndex"))
                .name((String) se.get("name"));
        if (se.get("start") != null) {
            b.start(LocalDateTime.parse((String) se.get("start")));
        }
        FittedArima.Parts f = new FittedArima.Parts();
        f.spec = spec;
        f.series = b.build();
        if (!Double.isNaN(lambda)) {
            // the model lives on the Box–Cox scale of the saved (original) series
            f.original = f.series;
            f.lambda = lambda;
            f.biasAdjust = biasAdjust;
            f.series = f.original.withValues(BoxCox.of(lambda).apply(f.original.values())).build();
        }
        Map<String, Object> fit = obj(m, "fit");
        f.method = ArimaMethod.valueOf((String) fit.get("method"));
        double[] o = arr(fit, "order");
        double[] so = arr(fit, "seasonalOrder");
        f.p = (int) o[0];
        f.d = (int) o[1];
        f.q = (int) o[2];
        f.sp = (int) so[0];
        f.sd = (int) so[1];
        f.sq = (int) so[2];
        f.period = (int) num(fit, "period");
        f.names = FittedArima.copyOf(strings(fit, "coefficientNames"));
        f.coef = arr(fit, "coefficients");
        List<Object> est = (List<Object>) fit.get("estimated");
        f.mask = new boolean[est.size()];
        for (int i = 0; i < f.mask.length; i++) {
            f.mask[i] = Boolean.TRUE.equals(est.get(i));
        }
        double[] stdErr = arr(fit, "standardErrors");
        List<Object> cov = (List<Object>) fit.get("covariance");
        double[][] vcov = new double[cov.size()][];
        for (int i = 0; i < vcov.length; i++) {
            vcov[i] = toDoubles((List<Object>) cov.get(i));
        }
        f.inference = new FittedArima.Inference(stdErr, vcov, List.of());
        f.sigma2 = num(fit, "sigma2");
        f.loglik = num(fit, "logLikelihood");
        f.aic = num(fit, "aic");
        f.aicc = num(fit, "aicc");
        f.bic = num(fit, "bic");
        f.nobs = (int) num(fit, "nobs");
        f.converged = Boolean.TRUE.equals(fit.get("converged"));
        f.iterations = (int) num(fit, "iterations");
        f.evaluations = (int) num(fit, "evaluations");
        f.warnings = FittedArima.copyOf(strings(fit, "warnings"));
        f.residuals = arr(fit, "residuals");
        f.hasIntercept = Boolean.TRUE.equals(fit.get("intercept"));
        f.hasDrift = Boolean.TRUE.equals(fit.get("drift"));
        f.xregNames = FittedArima.copyOf(strings(fit, "regressors"));
        Map<String, Object> st = obj(m, "state");
        f.phi = arr(st, "phi");
        f.theta = arr(st, "theta");
        f.delta = arr(st, "delta");
        f.state = arr(st, "a");
        f.cov = arr(st, "P");
        int rd = Math.max(f.phi.length, f.theta.length + 1) + f.delta.length;
        if (f.state.length != rd || f.cov.length != rd * rd || f.coef.length != f.names.size()
                || f.mask.length != f.coef.length || f.residuals.length != f.series.length()) {
            throw new IllegalArgumentException("inconsistent ARIMA model JSON: state length " + f.state.length
                    + " (expected " + rd + "), " + f.coef.length + " coefficients for " + f.names.size() + " names");
        }
        return f;
    }

    // ---- writing helpers

    private static void num(StringBuilder sb, double v) {
        if (Double.isFinite(v)) {
            sb.append(v);
        } else {
            sb.append("null");
        }
    }

    private static void nums(StringBuilder sb, double[] v) {
        sb.append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            num(sb, v[i]);
        }
        sb.append(']');
    }

    private static void str(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    private static void strs(StringBuilder sb, List<String> l) {
        sb.append('[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            str(sb, l.get(i));
        }
        sb.append(']');
    }

    // ---- reading helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("ARIMA model JSON: '" + key + "' must be an object");
        }
        return (Map<String, Object>) o;
    }

    private static double num(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (o == null) {
            return Double.NaN;
        }
        if (!(o instanceof Double)) {
            throw new IllegalArgumentException("ARIMA model JSON: '" + key + "' must be a number, got " + o);
        }
        return (Double) o;
    }

    @SuppressWarnings("unchecked")
    private static double[] arr(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (!(o instanceof List)) {
            throw new IllegalArgumentException("ARIMA model JSON: '" + key + "' must be an array");
        }
        return toDoubles((List<Object>) o);
    }

    private static double[] toDoubles(List<Object> l) {
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
            Object x = l.get(i);
            v[i] = x == null ? Double.NaN : (Double) x;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (!(o instanceof List)) {
            throw new IllegalArgumentException("ARIMA model JSON: '" + key + "' must be an array");
        }
        List<String> out = new ArrayList<>();
        for (Object x : (List<Object>) o) {
            out.add((String) x);
        }
        return out;
    }

    /** Minimal JSON reader: objects, arrays, strings, numbers (as Double), booleans, null. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            ws();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (peek('}')) {
                    i++;
                    return m;
                }
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    expect(':');
                    m.put(k, value());
                    ws();
                    if (peek(',')) {
                        i++;
                    } else {
                        expect('}');
                        return m;
                    }
                }
            }
            if (c == '[') {
                i++;
                List<Object> l = new ArrayList<>();
                ws();
                if (peek(']')) {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (peek(',')) {
                        i++;
                    } else {
                        expect(']');
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int st = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (st == i) {
                throw error("unexpected character '" + c + "'");
            }
            try {
                return Double.parseDouble(s.substring(st, i));
            } catch (NumberFormatException e) {
                throw error("bad number '" + s.substring(st, i) + "'");
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n':
                            sb.append('\n');
                            break;
                        case 't':
                            sb.append('\t');
                            break;
                        case 'r':
                            sb.append('\r');
                            break;
                        case 'b':
                            sb.append('\b');
                            break;
                        case 'f':
                            sb.append('\f');
                            break;
                        case 'u':
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                            break;
                        default:
                            sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            throw error("unterminated string");
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("ARIMA model JSON: " + what + " at offset " + i);
        }
    }
}
