/**
 * From user-behaviour events to series: the {@link org.forecast4j.core.events.BehaviorEvent} flyweight,
 * streaming readers ({@link org.forecast4j.core.events.TaobaoReader}, {@link org.forecast4j.core.events.CsvEventReader},
 * {@link org.forecast4j.core.events.JdbcEventSource}), declarative aggregation
 * ({@link org.forecast4j.core.events.AggregationSpec} → {@link org.forecast4j.core.events.Aggregator} →
 * {@link org.forecast4j.core.events.AggregationResult} holding a {@link org.forecast4j.core.Panel}) and the
 * deterministic {@link org.forecast4j.core.events.EventSimulator}.
 *
 * <p>Readers stream: they fill one reused event object per row and pass it to an
 * {@link org.forecast4j.core.events.EventHandler}, so memory is constant in the input size. Time zones are
 * always explicit: a day is a local-time day in the zone of the spec.
 */
package org.forecast4j.core.events;
