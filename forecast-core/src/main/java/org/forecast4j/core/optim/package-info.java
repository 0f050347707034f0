/**
 * Internal: optimisation support for model fitting &mdash; a BFGS minimiser with R's {@code optim} conventions,
 * finite-difference gradients and Hessians, and the ARMA parameter transforms.
 */
package org.forecast4j.core.optim;
