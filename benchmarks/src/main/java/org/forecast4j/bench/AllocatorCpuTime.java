package org.forecast4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Thread-CPU-time companion of {@link AllocatorBenchmark} for heavily shared machines, where JMH's wall-clock
 * averages mostly measure the scheduler: runs each solver {@code reps} times after a warm-up and prints the median
 * CPU time of the calling thread. Usage: {@code java -cp benchmarks.jar org.forecast4j.bench.AllocatorCpuTime [reps]};
 * {@code [reps] groups} times {@link AllocationGroupsBenchmark} instead.
 */
public final class AllocatorCpuTime {

    private AllocatorCpuTime() {
    }

    /**
     * Entry point.
     *
     * @param args optional repetition count (default 5)
     */
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (args.length > 1 && "groups".equals(args[1])) {
            AllocationGroupsBenchmark g = new AllocationGroupsBenchmark();
            g.setup();
            time("maxValueGroups10k", reps, g::maxValueGroups10k);
            time("minSpendGroups10k", reps, g::minSpendGroups10k);
            time("unitsGroupsDp16", reps, g::unitsGroupsDp16);
            time("piecewiseGroups16", reps, g::piecewiseGroups16);
            return;
        }
        AllocatorBenchmark b = new AllocatorBenchmark();
        b.setup();
        time("waterFilling1M", reps, b::waterFilling1M);
        time("greedy100kCells1MUnits", reps, b::greedy100kCells1MUnits);
        time("groups10k", reps, b::groups10k);
        time("piecewise200Ours", reps * 4, b::piecewise200Ours);
        time("piecewise200Simplex", reps, b::piecewise200Simplex);
    }

    private static void time(String name, int reps, Supplier<Object> run) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Object sink = run.get();
        double[] ms = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            sink = run.get();
            ms[r] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.println(String.format(Locale.ROOT, "%-24s median CPU %9.2f ms (min %.2f, max %.2f)  %s", name,
                ms[reps / 2], ms[0], ms[reps - 1], sink));
    }
}
