/**
 * Many-series forecasting on Apache Spark: {@link org.forecast4j.spark.SparkForecaster} fits any core
 * {@link org.forecast4j.core.Forecaster} to every key of a long {@code Dataset<Row>} inside
 * {@code groupByKey(...).flatMapSortedGroups(...)}, with the model shipped to executors as a JSON
 * {@link org.forecast4j.spark.ForecasterSpec}; {@link org.forecast4j.spark.SparkAggregator} turns an event table
 * into series with the core {@link org.forecast4j.core.events.AggregationSpec} as Spark SQL group-bys.
 *
 * <p>Spark SQL is a {@code provided} dependency: the cluster (or your application) supplies it.
 */
package org.forecast4j.spark;
