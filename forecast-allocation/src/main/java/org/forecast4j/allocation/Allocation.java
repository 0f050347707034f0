package org.forecast4j.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The solution of an {@link AllocationProblem}: status, per-cell spend, expected incremental value and marginal
 * ROI, the budget's shadow price, binding constraints and a duality-gap certificate. Immutable; array getters
 * return copies.
 *
 * <p>The certificate: {@link #dualBound()} is the Lagrangian dual value at the multipliers the solver found, an
 * upper bound on the optimum of any feasible plan (weak duality; for min-spend a lower bound on the spend), and
 * {@link #gap()} is {@code |dualBound − primal| / max(1, |dualBound|)}, so the plan is within {@code gap} of optimal.
 *
 * @since 0.1.0
 */
public final class Allocation {

    /** Outcome of a solve. */
    public enum Status {
        /** Optimal to the certified relative gap {@link Allocator#OPTIMAL_GAP}. */
        OPTIMAL("optimal"),
        /** Feasible; the gap to the optimum is bounded by {@link Allocation#gap()}. */
        GAP_BOUNDED("gap-bounded"),
        /** No plan satisfies the constraints; see {@link Allocation#message()}. */
        INFEASIBLE("infeasible");

        private final String json;

        Status(String json) {
            this.json = json;
        }

        /**
         * Name in the JSON result format.
         *
         * @return e.g. {@code gap-bounded}
         */
        public String jsonName() {
            return json;
        }
    }

    private final AllocationProblem problem;
    private final Status status;
    private final String message;
    private final double[] spend;
    private final double[] value;
    private volatile double[] marginal;
    private volatile List<String> allBinding;
    private final double objectiveValue;
    private final double totalSpend;
    private final double dualBound;
    private final double gap;
    private final double shadowPrice;
    private final List<String> binding;
    private final String solver;

    Allocation(AllocationProblem problem, Status status, String message, double[] spend, double dualBound,
               double gap, double shadowPrice, List<String> binding, String solver) {
        this.problem = problem;
        this.status = status;
        this.message = message;
        this.solver = solver;
        int n = problem.cells().size();
        this.spend = spend == null ? new double[n] : spend;
        this.value = new double[n];
        double obj = 0;
        double tot = 0;
        if (spend != null) {
            List<Cell> cells = problem.cells();
            for (int i = 0; i < n; i++) {
                value[i] = cells.get(i).expectedValue(spend[i]);
                obj += value[i];
                tot += spend[i];
            }
        }
        this.objectiveValue = spend == null ? Double.NaN : obj;
        this.totalSpend = spend == null ? Double.NaN : tot;
        this.dualBound = dualBound;
        this.gap = gap;
        this.shadowPrice = shadowPrice;
        this.binding = Collections.unmodifiableList(new ArrayList<>(binding));
    }

    /**
     * A plan certified by an absolute Lagrangian gap: {@code dual = Σ V − τ·Σ x + gapAbs}, relative gap
     * {@code gapAbs / max(1, |dual|)}, status optimal when that is at most {@link Allocator#OPTIMAL_GAP}.
     */
    static Allocation certified(AllocationProblem problem, double[] spend, double tau, double gapAbs,
                                double shadowPrice, List<String> binding, String solver, String detail) {
        Allocation a = new Allocation(problem, Status.OPTIMAL, "", spend, Double.NaN, Double.NaN, shadowPrice, binding,
                solver);
        double primal = a.objectiveValue - tau * a.totalSpend;
        double g = Math.max(gapAbs, 0);
        double dual = primal + g;
        double rel = g / Math.max(1, Math.abs(dual));
        Status st = rel <= Allocator.OPTIMAL_GAP ? Status.OPTIMAL : Status.GAP_BOUNDED;
        return new Allocation(a, st, String.format(Locale.ROOT, "%s, relative gap %.3e", detail, rel), dual, rel);
    }

    private Allocation(Allocation a, Status status, String message, double dualBound, double gap) {
        this.problem = a.problem;
        this.status = status;
        this.message = message;
        this.solver = a.solver;
        this.spend = a.spend;
        this.value = a.value;
        this.objectiveValue = a.objectiveValue;
        this.totalSpend = a.totalSpend;
        this.dualBound = dualBound;
        this.gap = gap;
        this.shadowPrice = a.shadowPrice;
        this.binding = a.binding;
    }

    static Allocation infeasible(AllocationProblem problem, String message, String solver) {
        return new Allocation(problem, Status.INFEASIBLE, message, null, Double.NaN, Double.NaN, Double.NaN,
                List.of(), solver);
    }

    /**
     * The problem solved.
     *
     * @return problem
     */
    public AllocationProblem problem() {
        return problem;
    }

    /**
     * Status.
     *
     * @return status
     */
    public Status status() {
        return status;
    }

    /**
     * Human-readable summary or the reason for infeasibility.
     *
     * @return message
     */
    public String message() {
        return message;
    }

    /**
     * Total spend per cell (including fixed spend), in cell order; zeros when infeasible.
     *
     * @return copy
     */
    public double[] spend() {
        return spend.clone();
    }

    /**
     * Expected incremental value per cell.
     *
     * @return copy
     */
    public double[] incrementalValue() {
        return value.clone();
    }

    /**
     * Marginal ROI per cell: {@code V'(x)}, value per extra unit of spend (right derivative).
     *
     * @return copy
     */
    public double[] marginalRoi() {
        double[] m = marginal;
        if (m == null) {
            m = new double[spend.length];
            if (status != Status.INFEASIBLE) {
                List<Cell> cells = problem.cells();
                for (int i = 0; i < m.length; i++) {
                    m[i] = cells.get(i).marginalValue(spend[i]);
                }
            }
            marginal = m;
        }
        return m.clone();
    }

    /**
     * Expected incremental value summed over cells (NaN when infeasible).
     *
     * @return objective value
     */
    public double objectiveValue() {
        return objectiveValue;
    }

    /**
     * Total spend including fixed spend (NaN when infeasible).
     *
     * @return total spend
     */
    public double totalSpend() {
        return totalSpend;
    }

    /**
     * New spend: total spend minus the cells' fixed spend (what counts against the budget).
     *
     * @return new spend
     */
    public double newSpend() {
        double s = totalSpend;
        for (Cell c : problem.cells()) {
            s -= c.fixedSpend();
        }
        return s;
    }

    /**
     * Lagrangian dual bound (see the class comment).
     *
     * @return dual bound
     */
    public double dualBound() {
        return dualBound;
    }

    /**
     * Certified relative duality gap.
     *
     * @return gap &ge; 0 (NaN when infeasible)
     */
    public double gap() {
        return gap;
    }

    /**
     * The budget's shadow price: the multiplier of the budget constraint, i.e. the expected value of one more
     * unit of budget (0 when the budget does not bind; for min-spend the marginal ROI of the last unit spent).
     *
     * @return shadow price
     */
    public double budgetShadowPrice() {
        return shadowPrice;
    }

    /**
     * Binding constraints: {@code budget}, {@code group[g].max}, {@code group[g].min}, {@code target}, then
     * {@code cell[id].max} and {@code cell[id].min} (cells at a bound; computed on first call).
     *
     * @return unmodifiable list
     */
    public List<String> binding() {
        List<String> b = allBinding;
        if (b == null) {
            List<String> all = new ArrayList<>(binding);
            if (status != Status.INFEASIBLE) {
                Allocator.cellBindings(problem.cells().toArray(new Cell[0]), spend, all);
            }
            b = Collections.unmodifiableList(all);
            allBinding = b;
        }
        return b;
    }

    /**
     * Name of the algorithm that produced the plan.
     *
     * @return solver name
     */
    public String solver() {
        return solver;
    }

    /**
     * Cell indices ordered by commit date (cells without a date last), ties in plan order: the booking schedule.
     *
     * @return cell indices
     */
    public int[] schedule() {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < spend.length; i++) {
            idx.add(i);
        }
        Comparator<Integer> byDate = Comparator.comparing(i -> problem.cells().get(i).commitBy(),
                Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()));
        idx.sort(byDate);
        int[] out = new int[idx.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx.get(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Allocation[%s, value=%.6g, spend=%.6g, gap=%.2e, price=%.6g, %s]",
                status.jsonName(), objectiveValue, totalSpend, gap, shadowPrice, solver);
    }
}
