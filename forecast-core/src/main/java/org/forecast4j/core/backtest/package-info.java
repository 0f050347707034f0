/**
 * Rolling-origin evaluation ("time-series cross-validation", Hyndman &amp; Athanasopoulos, <i>FPP</i> §5.10;
 * R's {@code forecast::tsCV}) of several forecasters on a series or a panel.
 *
 * <p>{@link org.forecast4j.core.backtest.Backtest} holds the configuration (initial window, horizon, step,
 * expanding or sliding window, number of folds, interval levels, metrics, parallelism) and runs it;
 * {@link org.forecast4j.core.backtest.BacktestResult} gives the metrics per model, per horizon step and per
 * series, and every fold's forecast and actuals ({@link org.forecast4j.core.backtest.FoldResult}).
 */
package org.forecast4j.core.backtest;
