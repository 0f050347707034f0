/**
 * Internal: small linear-algebra kernels &mdash; Levinson&ndash;Durbin / Yule&ndash;Walker, polynomial roots,
 * least squares.
 */
package org.forecast4j.core.linalg;
