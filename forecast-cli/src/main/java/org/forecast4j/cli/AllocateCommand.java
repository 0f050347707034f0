package org.forecast4j.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.forecast4j.allocation.Allocation;
import org.forecast4j.allocation.AllocationProblem;
import org.forecast4j.allocation.Allocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code forecast4j allocate --problem problem.json [--format json|csv] [--frontier from:to:step]}: solves an
 * allocation problem in the JSON format of docs/allocation.md and prints the plan (or the budget → value
 * frontier). Invalid problems print one line on stderr and exit with code 2.
 */
@Command(name = "allocate", mixinStandardHelpOptions = true,
        description = "Plan a marketing budget over cells (segment x channel x day) from a JSON problem.")
public final class AllocateCommand implements Callable<Integer> {

    /** Exit code for invalid input. */
    static final int EXIT_INVALID = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--problem", required = true, description = "Problem file (JSON).")
    File problem;

    @Option(names = "--format", defaultValue = "json", description = "Output format: json or csv (default json).")
    String format;

    @Option(names = "--frontier", description = "Budget frontier from:to:step, e.g. 0:200000:10000.")
    String frontier;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!"json".equals(format) && !"csv".equals(format)) {
                throw new IllegalArgumentException("--format must be json or csv, got '" + format + "'");
            }
            double[] budgets = frontier == null ? null : parseFrontier(frontier);
            // a repeated key is an error, not "last one wins"
            ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode root;
            try {
                root = mapper.readTree(problem);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: invalid JSON at line %d column %d: %s",
                        problem, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                        e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), e.getOriginalMessage()), e);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + problem + ": " + e.getMessage(), e);
            }
            if (root == null) {
                throw new IllegalArgumentException(problem + ": empty file");
            }
            AllocationProblem p = AllocationJson.problem(root);
            for (int g = 0; g < p.groups().size(); g++) {
                if (p.members(g).length == 0) {
                    // legal (the limit is void, or infeasible with minSpend > 0) but most likely a typo in "where"
                    err.println("allocate: warning: groups[" + g + "] where " + p.groups().get(g).where()
                            + " matches no cell");
                }
            }
            if (budgets != null) {
                List<Allocation> plans = Allocator.frontier(p, budgets);
                printFrontier(out, mapper, budgets, plans);
            } else {
                Allocation a = Allocator.solve(p);
                if (a.status() == Allocation.Status.INFEASIBLE) {
                    err.println("allocate: infeasible: " + a.message().replace('\n', ' '));
                    err.flush();
                }
                if ("json".equals(format)) {
                    out.println(mapper.enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(AllocationJson.result(a)));
                } else {
                    printCsv(out, a);
                }
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("allocate: " + e.getMessage().replace('\n', ' '));
            err.flush();
            return EXIT_INVALID;
        } catch (IOException e) {
            err.println("allocate: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    static double[] parseFrontier(String spec) {
        String[] parts = spec.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("--frontier must be from:to:step, got '" + spec + "'");
        }
        double from;
        double to;
        double step;
        try {
            from = Double.parseDouble(parts[0]);
            to = Double.parseDouble(parts[1]);
            step = Double.parseDouble(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--frontier must be three numbers from:to:step, got '" + spec + "'", e);
        }
        if (!(from >= 0 && to >= from && step > 0) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("--frontier needs 0 <= from <= to and step > 0, got '" + spec + "'");
        }
        long count = (long) Math.floor((to - from) / step * (1 + 1e-12)) + 1;
        if (count > 100_000) {
            throw new IllegalArgumentException("--frontier has " + count + " budgets; at most 100000 allowed");
        }
        double[] b = new double[(int) count];
        for (int i = 0; i < b.length; i++) {
            b[i] = from + i * step;
        }
        return b;
    }

    private void printFrontier(PrintWriter out, ObjectMapper mapper, double[] budgets, List<Allocation> plans)
            throws JsonProcessingException {
        if ("json".equals(format)) {
            List<Object> rows = new ArrayList<>();
            for (int i = 0; i < budgets.length; i++) {
                Allocation a = plans.get(i);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("budget", budgets[i]);
                r.put("status", a.status().jsonName());
                r.put("objectiveValue", AllocationJson.num(a.objectiveValue()));
                r.put("totalSpend", AllocationJson.num(a.totalSpend()));
                r.put("budgetShadowPrice", AllocationJson.num(a.budgetShadowPrice()));
                r.put("gap", AllocationJson.num(a.gap()));
                rows.add(r);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("frontier", rows);
            out.println(mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            out.println("budget,status,objectiveValue,totalSpend,budgetShadowPrice,gap");
            for (int i = 0; i < budgets.length; i++) {
                Allocation a = plans.get(i);
                out.println(String.join(",", fmt(budgets[i]), a.status().jsonName(), fmt(a.objectiveValue()),
                        fmt(a.totalSpend()), fmt(a.budgetShadowPrice()), fmt(a.gap())));
            }
        }
    }

    private static void printCsv(PrintWriter out, Allocation a) {
        out.println("# status=" + a.status().jsonName() + " objectiveValue=" + fmt(a.objectiveValue())
                + " totalSpend=" + fmt(a.totalSpend()) + " gap=" + fmt(a.gap()) + " budgetShadowPrice="
                + fmt(a.budgetShadowPrice()));
        out.println("# message=" + a.message().replace('\n', ' '));
        out.println("id,spend,incrementalValue,marginalRoi");
        if (a.status() == Allocation.Status.INFEASIBLE) {
            return;
        }
        double[] s = a.spend();
        double[] v = a.incrementalValue();
        double[] r = a.marginalRoi();
        for (int i = 0; i < s.length; i++) {
            out.println(csv(a.problem().cells().get(i).id()) + "," + fmt(s[i]) + "," + fmt(v[i]) + "," + fmt(r[i]));
        }
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
