package org.forecast4j.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.forecast4j.lstm.CellType;

/**
 * Companion of {@link LstmEpochBenchmark} for a busy machine (not a JMH benchmark): per epoch of the PyTorch
 * reference workload it measures the thread's CPU time as well as wall time, and the bytes the training thread
 * allocates over 10 epochs after warm-up (expected: 0). Usage:
 * {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar org.forecast4j.bench.LstmEpochTiming 32 64 128}.
 */
public final class LstmEpochTiming {

    private LstmEpochTiming() {
    }

    /**
     * Runs the measurement.
     *
     * @param args hidden sizes
     */
    public static void main(String[] args) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (String h : args) {
            LstmEpochBenchmark b = new LstmEpochBenchmark();
            b.hidden = Integer.parseInt(h);
            b.cell = CellType.valueOf(System.getProperty("cell", "LSTM"));
            b.setup();
            for (int i = 0; i < 30; i++) {
                b.epoch();
            }
            long a0 = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10; i++) {
                b.epoch();
            }
            long alloc = mx.getCurrentThreadAllocatedBytes() - a0;
            int n = 10;
            double[] cpu = new double[n];
            double[] wall = new double[n];
            for (int i = 0; i < n; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                b.epoch();
                cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                wall[i] = (System.nanoTime() - w0) / 1e6;
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            System.out.printf(Locale.ROOT, "%s hidden %s: cpu median %.1f ms (min %.1f), wall median %.1f ms "
                    + "(min %.1f), allocated %d bytes in 10 epochs%n", b.cell, h, cpu[n / 2], cpu[0], wall[n / 2],
                    wall[0], alloc);
        }
    }
}
