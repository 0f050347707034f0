/**
 * Reading series and panels from CSV files and writing forecasts as CSV, with commons-csv.
 *
 * <p>{@link org.forecast4j.core.io.CsvSeriesReader} streams a file (plain or gzip-compressed) once, parses ISO
 * dates and date-times, infers the frequency when none is given ({@link org.forecast4j.core.io.FrequencyInference}),
 * checks that the timestamps are unique, increasing and on a regular grid (or fills missing periods with
 * {@code NaN} when asked), and reports every problem as a {@link org.forecast4j.core.io.CsvFormatException}
 * naming the file, the line and the column. {@link org.forecast4j.core.io.ForecastCsvWriter} writes forecasts in
 * the long layout {@code series,timestamp,mean,lo80,hi80,lo95,hi95}.
 *
 * <p>Missing values: an empty cell, {@code NA}, {@code N/A}, {@code NaN} or {@code null} (any letter case,
 * surrounding blanks ignored) in a value column is a missing observation ({@code NaN} in the series). Blank
 * lines are skipped.
 */
package org.forecast4j.core.io;
