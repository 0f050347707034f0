package org.forecast4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.forecast4j.allocation.Allocation;
import org.forecast4j.allocation.AllocationProblem;
import org.forecast4j.allocation.BaselineDistribution;
import org.forecast4j.allocation.Cell;
import org.forecast4j.allocation.GroupLimit;
import org.forecast4j.allocation.Objective;
import org.forecast4j.allocation.ResponseCurve;

/**
 * The JSON problem and result formats of {@code forecast4j allocate} (the contract documented in
 * docs/allocation.md). Parsing is strict: unknown fields, wrong types and bad values are rejected with an
 * {@link IllegalArgumentException} naming the JSON path, e.g. {@code cells[3].curve.ec50 must be a number}.
 */
final class AllocationJson {

    private static final Set<String> TOP = Set.of("budget", "unit", "objective", "cells", "groups");
    private static final Set<String> CELL = Set.of("id", "labels", "baseline", "baselineQuantiles",
            "baselineSamples", "curve",
            "valuePerUnit", "capacity", "minSpend", "maxSpend", "fixedSpend", "commitBy");
    private static final Set<String> GROUP = Set.of("where", "minSpend", "maxSpend");

    private AllocationJson() {
    }

    /**
     * Reads a problem.
     *
     * @param root parsed JSON document
     * @return the problem
     * @throws IllegalArgumentException naming the JSON path of the first bad field
     */
    static AllocationProblem problem(JsonNode root) {
        requireObject(root, "problem");
        known(root, TOP, "");
        AllocationProblem.Builder b = AllocationProblem.builder();
        double budget = number(root, "budget", "budget", Double.POSITIVE_INFINITY);
        b.budget(budget);
        b.unit(number(root, "unit", "unit", 0));
        b.objective(objective(root.get("objective")));
        JsonNode cells = root.get("cells");
        if (cells == null || !cells.isArray()) {
            throw new IllegalArgumentException("cells must be an array of cell objects");
        }
        for (int i = 0; i < cells.size(); i++) {
            String path = "cells[" + i + "]";
            try {
                b.addCell(cell(cells.get(i), path));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith(path) ? e.getMessage()
                        : path + ": " + e.getMessage(), e);
            }
        }
        JsonNode groups = root.get("groups");
        if (groups != null && !groups.isNull()) {
            if (!groups.isArray()) {
                throw new IllegalArgumentException("groups must be an array");
            }
            for (int g = 0; g < groups.size(); g++) {
                String path = "groups[" + g + "]";
                JsonNode n = groups.get(g);
                requireObject(n, path);
                known(n, GROUP, path + ".");
                Map<String, String> where = labels(n.get("where"), path + ".where");
                try {
                    b.addGroup(new GroupLimit(where, number(n, "minSpend", path + ".minSpend", 0),
                            number(n, "maxSpend", path + ".maxSpend", Double.POSITIVE_INFINITY)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
                }
            }
        }
        return b.build();
    }

    private static Objective objective(JsonNode n) {
        try {
            return objectiveOrThrow(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("objective") ? e.getMessage()
                    : "objective: " + e.getMessage(), e);
        }
    }

    private static Objective objectiveOrThrow(JsonNode n) {
        if (n == null || n.isNull()) {
            return Objective.maxValue();
        }
        requireObject(n, "objective");
        String type = text(n, "type", "objective.type");
        switch (type) {
            case "max-value":
                known(n, Set.of("type"), "objective.");
                return Objective.maxValue();
            case "min-spend":
                known(n, Set.of("type", "targetValue"), "objective.");
                return Objective.minSpend(required(n, "targetValue", "objective.targetValue"));
            case "min-marginal-roi":
                known(n, Set.of("type", "threshold"), "objective.");
                return Objective.minMarginalRoi(required(n, "threshold", "objective.threshold"));
            default:
                throw new IllegalArgumentException("objective.type must be max-value, min-spend or "
                        + "min-marginal-roi, got '" + type + "'");
        }
    }

    private static Cell cell(JsonNode n, String path) {
        requireObject(n, path);
        known(n, CELL, path + ".");
        Cell.Builder b = Cell.builder(text(n, "id", path + ".id"));
        b.labels(labels(n.get("labels"), path + ".labels"));
        JsonNode q = n.get("baselineQuantiles");
        JsonNode smp = n.get("baselineSamples");
        boolean hasQuantiles = q != null && !q.isNull();
        boolean hasSamples = smp != null && !smp.isNull();
        if (hasQuantiles && hasSamples) {
            throw new IllegalArgumentException(path + ": give baselineQuantiles or baselineSamples, not both");
        }
        if (hasSamples) {
            if (!smp.isArray()) {
                throw new IllegalArgumentException(path + ".baselineSamples must be an array of numbers");
            }
            double[] v = new double[smp.size()];
            for (int k = 0; k < v.length; k++) {
                String sp = path + ".baselineSamples[" + k + "]";
                JsonNode x = smp.get(k);
                if (x == null || !x.isNumber()) {
                    throw new IllegalArgumentException(sp + " must be a number");
                }
                v[k] = x.asDouble();
            }
            // baseline is optional with samples: absent = the sample average, present = samples scaled to it
            JsonNode m = n.get("baseline");
            b.baseline(m == null || m.isNull() ? BaselineDistribution.fromSamples(v)
                    : BaselineDistribution.fromSamples(required(n, "baseline", path + ".baseline"), v));
        } else if (hasQuantiles) {
            double mean = required(n, "baseline", path + ".baseline");
            if (!q.isArray()) {
                throw new IllegalArgumentException(path + ".baselineQuantiles must be an array of {p, value}");
            }
            double[] p = new double[q.size()];
            double[] v = new double[q.size()];
            for (int k = 0; k < q.size(); k++) {
                String qp = path + ".baselineQuantiles[" + k + "]";
                requireObject(q.get(k), qp);
                known(q.get(k), Set.of("p", "value"), qp + ".");
                p[k] = required(q.get(k), "p", qp + ".p");
                v[k] = required(q.get(k), "value", qp + ".value");
            }
            b.baseline(BaselineDistribution.fromQuantiles(mean, p, v));
        } else {
            b.baseline(required(n, "baseline", path + ".baseline"));
        }
        b.curve(curve(n.get("curve"), path + ".curve"));
        b.valuePerUnit(number(n, "valuePerUnit", path + ".valuePerUnit", 1));
        b.capacity(number(n, "capacity", path + ".capacity", Double.POSITIVE_INFINITY));
        b.spendBounds(number(n, "minSpend", path + ".minSpend", 0),
                number(n, "maxSpend", path + ".maxSpend", Double.POSITIVE_INFINITY));
        b.fixedSpend(number(n, "fixedSpend", path + ".fixedSpend", 0));
        JsonNode d = n.get("commitBy");
        if (d != null && !d.isNull()) {
            if (!d.isTextual()) {
                throw new IllegalArgumentException(path + ".commitBy must be an ISO date string like 2026-11-28");
            }
            try {
                b.commitBy(LocalDate.parse(d.asText()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(path + ".commitBy must be an ISO date like 2026-11-28, got '"
                        + d.asText() + "'", e);
            }
        }
        return b.build();
    }

    static ResponseCurve curve(JsonNode n, String path) {
        try {
            return curveOrThrow(n, path);
        } catch (IllegalArgumentException e) {
            // parameter checks of the curve factories name the parameter but not the JSON path
            throw new IllegalArgumentException(e.getMessage().startsWith(path) ? e.getMessage()
                    : path + ": " + e.getMessage(), e);
        }
    }

    private static ResponseCurve curveOrThrow(JsonNode n, String path) {
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException(path + " is required");
        }
        requireObject(n, path);
        String type = text(n, "type", path + ".type");
        switch (type) {
            case "hill":
                known(n, Set.of("type", "maxLift", "ec50", "shape"), path + ".");
                return ResponseCurve.hill(required(n, "maxLift", path + ".maxLift"),
                        required(n, "ec50", path + ".ec50"), number(n, "shape", path + ".shape", 1));
            case "exponential":
                known(n, Set.of("type", "maxLift", "scale"), path + ".");
                return ResponseCurve.exponential(required(n, "maxLift", path + ".maxLift"),
                        required(n, "scale", path + ".scale"));
            case "log":
                known(n, Set.of("type", "coefficient", "scale"), path + ".");
                return ResponseCurve.log(required(n, "coefficient", path + ".coefficient"),
                        required(n, "scale", path + ".scale"));
            case "linear":
                known(n, Set.of("type", "rate", "cap"), path + ".");
                return ResponseCurve.linear(required(n, "rate", path + ".rate"),
                        number(n, "cap", path + ".cap", Double.POSITIVE_INFINITY));
            case "piecewise": {
                known(n, Set.of("type", "points"), path + ".");
                JsonNode pts = n.get("points");
                if (pts == null || !pts.isArray() || pts.isEmpty()) {
                    throw new IllegalArgumentException(path + ".points must be a non-empty array of [spend, lift]");
                }
                double[] x = new double[pts.size()];
                double[] l = new double[pts.size()];
                for (int k = 0; k < pts.size(); k++) {
                    JsonNode pt = pts.get(k);
                    if (!pt.isArray() || pt.size() != 2 || !pt.get(0).isNumber() || !pt.get(1).isNumber()) {
                        throw new IllegalArgumentException(path + ".points[" + k + "] must be [spend, lift]");
                    }
                    x[k] = pt.get(0).asDouble();
                    l[k] = pt.get(1).asDouble();
                }
                return ResponseCurve.piecewise(x, l);
            }
            default:
                throw new IllegalArgumentException(path + ".type: unknown curve type '" + type
                        + "' (expected hill, exponential, log, linear or piecewise)");
        }
    }

    /**
     * The result document.
     *
     * @param a the plan
     * @return ordered map ready for Jackson
     */
    static Map<String, Object> result(Allocation a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.status().jsonName());
        m.put("message", a.message());
        m.put("objectiveValue", num(a.objectiveValue()));
        m.put("totalSpend", num(a.totalSpend()));
        m.put("newSpend", a.status() == Allocation.Status.INFEASIBLE ? null : num(a.newSpend()));
        m.put("gap", num(a.gap()));
        m.put("dualBound", num(a.dualBound()));
        m.put("budgetShadowPrice", num(a.budgetShadowPrice()));
        m.put("solver", a.solver());
        List<Object> cells = new ArrayList<>();
        if (a.status() != Allocation.Status.INFEASIBLE) {
            double[] s = a.spend();
            double[] v = a.incrementalValue();
            double[] r = a.marginalRoi();
            List<Cell> list = a.problem().cells();
            for (int i = 0; i < s.length; i++) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", list.get(i).id());
                c.put("spend", num(s[i]));
                c.put("incrementalValue", num(v[i]));
                c.put("marginalRoi", num(r[i]));
                if (list.get(i).commitBy() != null) {
                    c.put("commitBy", list.get(i).commitBy().toString());
                }
                cells.add(c);
            }
        }
        m.put("cells", cells);
        m.put("binding", a.binding());
        // booking schedule: cells with new spend, by commit date (cells without one last), ties in plan order
        List<Object> schedule = new ArrayList<>();
        if (a.status() != Allocation.Status.INFEASIBLE) {
            double[] s = a.spend();
            List<Cell> list = a.problem().cells();
            for (int i : a.schedule()) {
                double fresh = s[i] - list.get(i).fixedSpend();
                if (fresh > 0) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("id", list.get(i).id());
                    c.put("commitBy", list.get(i).commitBy() == null ? null : list.get(i).commitBy().toString());
                    c.put("newSpend", fresh);
                    schedule.add(c);
                }
            }
        }
        m.put("schedule", schedule);
        return m;
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void requireObject(JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(path + " must be a JSON object");
        }
    }

    private static void known(JsonNode n, Set<String> allowed, String prefix) {
        Iterator<String> it = n.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown field %s%s (allowed: %s)",
                        prefix, f, new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static String text(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException(path + " must be a non-empty string");
        }
        return v.asText();
    }

    private static double required(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(path + " is required");
        }
        return number(n, field, path, Double.NaN);
    }

    private static double number(JsonNode n, String field, String path, double dflt) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(path + " must be a number, got " + v);
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(path + " must be finite, got " + v);
        }
        return d;
    }

    private static Map<String, String> labels(JsonNode n, String path) {
        Map<String, String> m = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return m;
        }
        requireObject(n, path);
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new IllegalArgumentException(path + "." + e.getKey() + " must be a string or number");
            }
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }
}
