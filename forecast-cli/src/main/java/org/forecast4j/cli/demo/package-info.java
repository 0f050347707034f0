/**
 * {@code forecast4j demo}: the whole pipeline on built-in (simulated) or user data — events → daily series per
 * category → backtest of seasonal naive, ARIMA with calendar/promotion regressors and the LSTM → per-series model
 * choice by MASE → forecasts with intervals → a budget plan per category × channel × day — plus a
 * self-contained HTML report with JFreeChart charts. See {@code docs/demo.md}.
 */
package org.forecast4j.cli.demo;
