package org.forecast4j.cli.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.forecast4j.allocation.Allocation;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Panel;
import org.forecast4j.core.backtest.BacktestResult;

/**
 * Everything one demo run computed, for the summary and the report. Immutable once built by
 * {@link DemoPipeline}.
 */
final class DemoResult {

    /** What the data were: a description of the source. */
    final String source;
    /** Daily purchases per category (the forecast series). */
    final Panel panel;
    /** Upcoming promotion days within the horizon (may be empty). */
    final List<LocalDate> upcomingPromotions;
    /** Share of purchases per channel (measured or assumed), in {@link Channel#ALL} order. */
    final double[] channelShares;
    /** Whether the channel shares were measured from the events (else assumed). */
    final boolean sharesMeasured;
    /** Backtest of every model on every series. */
    final BacktestResult backtest;
    /** Model names in backtest order. */
    final List<String> models;
    /** Chosen model per series key. */
    final Map<String, String> chosen;
    /** Final model description per series key. */
    final Map<String, String> chosenDescription;
    /** The chosen model fitted on the whole history, per series key. */
    final Map<String, FittedModel> fitted;
    /** Final forecast per series key, from the chosen model fitted on the whole history. */
    final Map<String, Forecast> forecasts;
    /** Value of one purchase per series key (assumed average order value). */
    final Map<String, Double> valuePerUnit;
    /** Fulfilment capacity per series key and day (purchases). */
    final Map<String, Double> capacity;
    /** The optimal plan. */
    final Allocation plan;
    /** Expected incremental value of spending the budget evenly over all cells. */
    final double evenSplitValue;
    /** Budgets of the frontier. */
    final double[] frontierBudgets;
    /** Optimal value at each frontier budget. */
    final double[] frontierValues;
    /** Seconds per step, in order: data, backtest, forecast, allocation. */
    final double[] seconds;

    DemoResult(String source, Panel panel, List<LocalDate> upcomingPromotions, double[] channelShares,
               boolean sharesMeasured, BacktestResult backtest, List<String> models, Map<String, String> chosen,
               Map<String, String> chosenDescription, Map<String, FittedModel> fitted,
               Map<String, Forecast> forecasts, Map<String, Double> valuePerUnit,
               Map<String, Double> capacity, Allocation plan, double evenSplitValue, double[] frontierBudgets,
               double[] frontierValues, double[] seconds) {
        this.source = source;
        this.panel = panel;
        this.upcomingPromotions = List.copyOf(upcomingPromotions);
        this.channelShares = channelShares.clone();
        this.sharesMeasured = sharesMeasured;
        this.backtest = backtest;
        this.models = List.copyOf(models);
        this.chosen = Map.copyOf(chosen);
        this.chosenDescription = Map.copyOf(chosenDescription);
        this.fitted = Map.copyOf(fitted);
        this.forecasts = Map.copyOf(forecasts);
        this.valuePerUnit = Map.copyOf(valuePerUnit);
        this.capacity = Map.copyOf(capacity);
        this.plan = plan;
        this.evenSplitValue = evenSplitValue;
        this.frontierBudgets = frontierBudgets.clone();
        this.frontierValues = frontierValues.clone();
        this.seconds = seconds.clone();
    }

    /** Relative uplift of the optimal plan over the even split, e.g. 0.25 for +25%. */
    double upliftVsEven() {
        return plan.objectiveValue() / evenSplitValue - 1;
    }
}
