package org.forecast4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.events.AggregationSpec;
import org.forecast4j.core.events.Aggregator;
import org.forecast4j.core.events.BehaviorEvent;
import org.forecast4j.core.events.BehaviorType;
import org.forecast4j.core.events.GroupKey;
import org.forecast4j.core.events.Measure;
import org.forecast4j.core.events.ReadReport;
import org.forecast4j.core.events.TaobaoReader;

/**
 * Companion to {@link AggregationBenchmark} for a shared, oversubscribed machine: parses a Taobao-layout file
 * into a category × day aggregator several times and reports, per row, both wall time and the CPU time of the
 * reading thread (which other processes' load does not inflate), plus the heap in use after each pass.
 * Usage: {@code java -cp benchmarks.jar org.forecast4j.bench.AggregationThroughput FILE [repeats]}.
 */
public final class AggregationThroughput {

    private AggregationThroughput() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the file and optionally the number of passes (default 5)
     */
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AggregationSpec spec = AggregationSpec.builder().measure(Measure.events()).by(GroupKey.category())
                .frequency(Frequency.DAILY).zone(ZoneId.of("Asia/Shanghai")).build();
        for (int r = 0; r < repeats; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            Aggregator agg = Aggregator.of(spec);
            ReadReport rep = TaobaoReader.of(file).read(agg);
            int series = agg.result().panel().size();
            long wall = System.nanoTime() - wall0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            double rows = rep.rows();
            System.out.printf(Locale.ROOT, "pass %d: %,d rows, %d series, wall %.0f ns/row (%.2f M rows/s), "
                            + "cpu %.0f ns/row (%.2f M rows/s), heap used %d MB%n", r + 1, rep.rows(), series,
                    wall / rows, rows / wall * 1e3, cpu / rows, rows / cpu * 1e3,
                    memory.getHeapMemoryUsage().getUsed() >> 20);
        }
        // pre-parsed: the first 2M events in columnar arrays, aggregated through one reused event
        int n = 2_000_000;
        long[] cat = new long[n];
        long[] ts = new long[n];
        byte[] type = new byte[n];
        int[] k = {0};
        TaobaoReader.of(file).read(e -> {
            if (k[0] < n) {
                cat[k[0]] = e.categoryId();
                ts[k[0]] = e.epochSecond();
                type[k[0]] = (byte) e.type().code();
                k[0]++;
            }
        });
        BehaviorType[] kinds = {BehaviorType.PV, BehaviorType.FAV, BehaviorType.CART, BehaviorType.BUY};
        BehaviorEvent ev = new BehaviorEvent();
        for (int r = 0; r < 3 * repeats; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            Aggregator agg = Aggregator.of(spec);
            for (int i = 0; i < k[0]; i++) {
                agg.onEvent(ev.set(i, 0, cat[i], kinds[type[i]], ts[i]));
            }
            int series = agg.result().panel().size();
            long wall = System.nanoTime() - wall0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            System.out.printf(Locale.ROOT, "pre-parsed pass %d: %,d events, %d series, wall %.1f ns/event "
                            + "(%.1f M/s), cpu %.1f ns/event (%.1f M/s)%n", r + 1, k[0], series, wall / (double) k[0],
                    k[0] * 1e3 / wall, cpu / (double) k[0], k[0] * 1e3 / cpu);
        }
    }
}
