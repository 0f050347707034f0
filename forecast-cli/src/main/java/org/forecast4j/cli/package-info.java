/**
 * The {@code forecast4j} command line (picocli): {@code forecast} writes forecasts of one series or a panel as CSV
 * or JSON, {@code evaluate} backtests models with rolling origins and prints their accuracy. Models are created
 * by name through {@link org.forecast4j.cli.ModelRegistry}; model-specific flags live in
 * {@link org.forecast4j.cli.ModelOptions}. See {@code docs/cli.md} for every flag and format.
 */
package org.forecast4j.cli;
