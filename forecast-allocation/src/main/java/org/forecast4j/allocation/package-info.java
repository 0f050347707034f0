/**
 * Marketing allocation: turn forecasts into a budget plan. A plan is made of {@link org.forecast4j.allocation.Cell}s
 * (segment &times; channel &times; day) with a {@link org.forecast4j.allocation.ResponseCurve}, built into an
 * immutable {@link org.forecast4j.allocation.AllocationProblem} and solved exactly by
 * {@link org.forecast4j.allocation.Allocator#solve}, which returns an {@link org.forecast4j.allocation.Allocation}
 * with a duality-gap certificate. {@link org.forecast4j.allocation.CurveCalibration} fits curve parameters to
 * history.
 */
package org.forecast4j.allocation;
