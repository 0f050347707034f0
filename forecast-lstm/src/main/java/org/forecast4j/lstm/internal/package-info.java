/**
 * Internal kernels of the recurrent forecaster: matrix-product kernels ({@link org.forecast4j.lstm.internal.Gemm}),
 * the network with its forward pass and backpropagation through time
 * ({@link org.forecast4j.lstm.internal.Network}) and the optimizers. Not part of the public API; may change
 * between releases.
 */
package org.forecast4j.lstm.internal;
