/**
 * Recurrent-network forecasters (LSTM and GRU) written from scratch and plugged into the core
 * {@link org.forecast4j.core.Forecaster} SPI: {@link org.forecast4j.lstm.Lstm} (entry point),
 * {@link org.forecast4j.lstm.LstmConfig} (immutable configuration), {@link org.forecast4j.lstm.LstmTrainer},
 * {@link org.forecast4j.lstm.LstmModel} (trained, thread-safe, savable) and the
 * {@link org.forecast4j.lstm.TrainingListener} progress callback. See {@code docs/lstm.md}.
 */
package org.forecast4j.lstm;
