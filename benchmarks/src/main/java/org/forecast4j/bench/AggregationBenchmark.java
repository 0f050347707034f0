package org.forecast4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.events.AggregationResult;
import org.forecast4j.core.events.AggregationSpec;
import org.forecast4j.core.events.Aggregator;
import org.forecast4j.core.events.BehaviorEvent;
import org.forecast4j.core.events.BehaviorType;
import org.forecast4j.core.events.EventSimulator;
import org.forecast4j.core.events.GroupKey;
import org.forecast4j.core.events.Measure;
import org.forecast4j.core.events.SimulationConfig;
import org.forecast4j.core.events.TaobaoReader;
import org.forecast4j.core.events.TaobaoWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events → panel throughput, reported as nanoseconds per event (1e9 / score = events per second).
 * {@code countByCategoryDay}: pre-parsed events (columnar arrays filled by the simulator) fed through one reused
 * {@link BehaviorEvent} into an {@link Aggregator} counting all events by category × day.
 * {@code parseTaobaoAndAggregate}: a simulated Taobao-layout file in the temp directory read by
 * {@link TaobaoReader} straight into the aggregator. Both use {@value #EVENTS} events.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AggregationBenchmark {

    static final int EVENTS = 2_000_000;

    long[] users;
    long[] categories;
    long[] times;
    byte[] types;
    int n;
    AggregationSpec byCategoryDay;
    Path file;

    /** Simulates the events once: into arrays and into a temporary Taobao-layout file. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        // about 8 views per user-day plus follow-ups: 25k users × 9 days ≈ 2.1M events; keep the first EVENTS
        SimulationConfig cfg = SimulationConfig.builder().users(25_000).days(9).catalogue(1000, 50).seed(42).build();
        users = new long[EVENTS];
        categories = new long[EVENTS];
        times = new long[EVENTS];
        types = new byte[EVENTS];
        int[] k = {0};
        file = Files.createTempFile("aggregation-benchmark", ".csv");
        try (TaobaoWriter w = TaobaoWriter.to(file)) {
            new EventSimulator(cfg).run(e -> {
                int i = k[0];
                if (i < EVENTS) {
                    users[i] = e.userId();
                    categories[i] = e.categoryId();
                    times[i] = e.epochSecond();
                    types[i] = (byte) e.type().code();
                    k[0] = i + 1;
                    w.onEvent(e);
                }
            });
        }
        n = k[0];
        if (n < EVENTS) {
            throw new IllegalStateException("simulated only " + n + " events");
        }
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        byCategoryDay = AggregationSpec.builder().measure(Measure.events()).by(GroupKey.category())
                .frequency(Frequency.DAILY).zone(shanghai).build();
    }

    /** Removes the temporary file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * Counts pre-parsed events by category × day.
     *
     * @return the result (panel of ~1000 categories × 10 days)
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public AggregationResult countByCategoryDay() {
        Aggregator agg = Aggregator.of(byCategoryDay);
        BehaviorEvent e = new BehaviorEvent();
        BehaviorType[] kinds = {BehaviorType.PV, BehaviorType.FAV, BehaviorType.CART, BehaviorType.BUY};
        long[] u = users;
        long[] c = categories;
        long[] t = times;
        byte[] ty = types;
        for (int i = 0; i < n; i++) {
            agg.onEvent(e.set(u[i], 0, c[i], kinds[ty[i]], t[i]));
        }
        return agg.result();
    }

    /**
     * Parses the Taobao-layout file and counts events by category × day.
     *
     * @return the result
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public AggregationResult parseTaobaoAndAggregate() {
        Aggregator agg = Aggregator.of(byCategoryDay);
        TaobaoReader.of(file).read(agg);
        return agg.result();
    }

    /**
     * Parses the file only (the handler counts), to separate parsing from aggregation.
     *
     * @return number of events read
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long parseTaobaoOnly() {
        long[] count = {0};
        TaobaoReader.of(file).read(e -> count[0]++);
        return count[0];
    }
}
