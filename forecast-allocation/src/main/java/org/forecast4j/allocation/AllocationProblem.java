package org.forecast4j.allocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.forecast4j.core.Checks;

/**
 * An immutable allocation problem: cells, a budget for new spend, the spend unit, group limits and an
 * objective. Built with {@link #builder()}, which validates every argument and the combinations.
 *
 * <p>The budget bounds the <em>new</em> spend {@code Σ (x_i − fixedSpend_i)}; cells' fixed spend is already
 * committed. With {@code unit > 0} the spend above each cell's lower bound {@code max(minSpend, fixedSpend)} is a
 * whole number of units.
 *
 * @since 0.1.0
 */
public final class AllocationProblem {

    private final double budget;
    private final double unit;
    private final Objective objective;
    private final List<Cell> cells;
    private final List<GroupLimit> groups;
    private final int[][] members;

    private AllocationProblem(Builder b) {
        this.budget = b.budget;
        this.unit = b.unit;
        this.objective = b.objective;
        this.cells = Collections.unmodifiableList(new ArrayList<>(b.cells));
        this.groups = Collections.unmodifiableList(new ArrayList<>(b.groups));
        this.members = new int[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            int[] tmp = new int[cells.size()];
            int m = 0;
            for (int i = 0; i < cells.size(); i++) {
                if (groups.get(g).matches(cells.get(i))) {
                    tmp[m++] = i;
                }
            }
            members[g] = java.util.Arrays.copyOf(tmp, m);
        }
    }

    /**
     * Starts a builder.
     *
     * @return a builder with an unlimited budget, continuous spend and the max-value objective
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Budget for new spend ({@code +∞} when unlimited).
     *
     * @return budget
     */
    public double budget() {
        return budget;
    }

    /**
     * Spend unit (0 for continuous spend).
     *
     * @return unit
     */
    public double unit() {
        return unit;
    }

    /**
     * Objective.
     *
     * @return objective
     */
    public Objective objective() {
        return objective;
    }

    /**
     * Cells in plan order.
     *
     * @return unmodifiable list
     */
    public List<Cell> cells() {
        return cells;
    }

    /**
     * Group limits.
     *
     * @return unmodifiable list
     */
    public List<GroupLimit> groups() {
        return groups;
    }

    /**
     * Indices of the cells a group selects.
     *
     * @param group group index
     * @return copy of the ascending cell indices
     */
    public int[] members(int group) {
        return members[group].clone();
    }

    int[] membersUnsafe(int group) {
        return members[group];
    }

    /**
     * A copy of this problem with another budget (used for frontiers).
     *
     * @param newBudget budget, &ge; 0 or {@code +∞}
     * @return the new problem
     * @throws IllegalArgumentException if the budget is negative or NaN
     */
    public AllocationProblem withBudget(double newBudget) {
        Builder b = new Builder();
        b.budget(newBudget);
        b.unit = unit;
        b.objective = objective;
        b.cells.addAll(cells);
        b.groups.addAll(groups);
        return b.build();
    }

    /**
     * A copy with another budget and objective, without the builder's boundedness checks (the solvers use it to
     * solve max-value sub-problems of a min-spend search; an unbounded max-value sub-problem is priced at
     * {@link WaterFilling#MIN_PRICE} like the min-spend solvers do).
     */
    AllocationProblem with(double newBudget, Objective newObjective) {
        Builder b = new Builder();
        b.budget(newBudget);
        b.unit = unit;
        b.objective = Objects.requireNonNull(newObjective, "newObjective");
        b.cells.addAll(cells);
        b.groups.addAll(groups);
        return new AllocationProblem(b);
    }

    /** Validating builder; {@link #build()} does not mutate the builder. */
    public static final class Builder {
        private double budget = Double.POSITIVE_INFINITY;
        private double unit;
        private Objective objective = Objective.maxValue();
        private final List<Cell> cells = new ArrayList<>();
        private final List<GroupLimit> groups = new ArrayList<>();

        private Builder() {
        }

        /**
         * Budget for new spend.
         *
         * @param budget &ge; 0, or {@code +∞} for none
         * @return this builder
         */
        public Builder budget(double budget) {
            Checks.requireArgument(!Double.isNaN(budget) && budget >= 0, "budget must be >= 0, got %s", budget);
            this.budget = budget;
            return this;
        }

        /**
         * Spend unit.
         *
         * @param unit 0 for continuous spend, otherwise the unit (finite, &gt; 0)
         * @return this builder
         */
        public Builder unit(double unit) {
            Checks.requireArgument(Double.isFinite(unit) && unit >= 0, "unit must be finite and >= 0, got %s", unit);
            this.unit = unit;
            return this;
        }

        /**
         * Objective.
         *
         * @param objective the objective
         * @return this builder
         */
        public Builder objective(Objective objective) {
            this.objective = Objects.requireNonNull(objective, "objective");
            return this;
        }

        /**
         * Adds a cell.
         *
         * @param cell the cell
         * @return this builder
         */
        public Builder addCell(Cell cell) {
            cells.add(Objects.requireNonNull(cell, "cell"));
            return this;
        }

        /**
         * Adds cells.
         *
         * @param list cells
         * @return this builder
         */
        public Builder addCells(List<Cell> list) {
            for (Cell c : list) {
                addCell(c);
            }
            return this;
        }

        /**
         * Adds a group limit.
         *
         * @param group the group
         * @return this builder
         */
        public Builder addGroup(GroupLimit group) {
            groups.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /**
         * Builds the problem.
         *
         * @return the problem
         * @throws IllegalArgumentException if there are no cells, ids repeat, or the objective cannot be bounded
         */
        public AllocationProblem build() {
            Checks.requireArgument(!cells.isEmpty(), "cells must not be empty");
            Set<String> ids = new HashSet<>();
            boolean allBounded = true;
            for (Cell c : cells) {
                Checks.requireArgument(ids.add(c.id()), "duplicate cell id '%s'", c.id());
                allBounded &= Double.isFinite(c.maxSpend());
            }
            if (objective.kind() == Objective.Kind.MAX_VALUE) {
                Checks.requireArgument(Double.isFinite(budget) || allBounded,
                        "max-value needs a finite budget or a finite maxSpend on every cell");
            }
            if (objective.kind() == Objective.Kind.MIN_MARGINAL_ROI && objective.parameter() == 0) {
                Checks.requireArgument(Double.isFinite(budget) || allBounded,
                        "min-marginal-roi with threshold 0 needs a finite budget or a finite maxSpend on every cell");
            }
            if (unit > 0) {
                Checks.requireArgument(Double.isFinite(budget) || allBounded,
                        "whole-unit spend needs a finite budget or a finite maxSpend on every cell");
            }
            return new AllocationProblem(this);
        }
    }
}
