/**
 * Decompositions of a series into trend, seasonal and remainder components: {@link
 * org.forecast4j.core.decompose.Stl} (seasonal-trend decomposition by loess, Cleveland et al. 1990), which
 * reproduces R's {@code stats::stl}.
 *
 * @since 0.1.0
 */
package org.forecast4j.core.decompose;
