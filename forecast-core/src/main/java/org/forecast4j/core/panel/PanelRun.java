package org.forecast4j.core.panel;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.TimeSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@link PanelForecaster}. A dispatcher thread reads the source, taking one permit of a semaphore
 * of {@code window} permits per series; workers fit and forecast; each finished result is put in a ring buffer
 * slot {@code index mod window}, and whichever worker completes the next index in order delivers the
 * contiguous run of finished results to the consumer (under a lock, so the consumer is never called
 * concurrently), releasing one permit per delivered series.
 */
final class PanelRun implements PanelJob {

    private static final Logger LOG = LoggerFactory.getLogger(PanelRun.class);
    private static final AtomicInteger RUN_IDS = new AtomicInteger();
    /** Largest number of series computed by one task. */
    private static final int MAX_CHUNK = 32;

    /** Marks a series that was skipped because the run was cancelled before it started. */
    private static final SeriesResult SKIPPED = new SeriesResult(-1, null, SeriesStatus.FAILED, null, "skipped",
            "skipped", 0);

    private final PanelForecaster spec;
    private final Iterator<TimeSeries> source;
    private final long total;
    private final Consumer<? super SeriesResult> consumer;
    private final int window;
    private final int parallelism;
    private final Semaphore permits;
    private final SeriesResult[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private final int runId = RUN_IDS.incrementAndGet();

    private volatile boolean cancelled;
    private Executor executor;
    private ExecutorService ownPool;
    private long startNanos;

    // guarded by lock
    private long submitted;
    private long nextToDeliver;
    private boolean sourceDone;
    private boolean stopDelivering;
    private boolean done;
    private boolean finalReported;
    private long delivered;
    private long ok;
    private long fallbacks;
    private long failures;
    private final Map<String, Long> failuresByType = new LinkedHashMap<>();
    private long lastProgressNanos;
    private int maxInFlight;
    private Throwable abortCause;
    private String abortWhat;
    private long endNanos;

    PanelRun(PanelForecaster spec, Iterator<TimeSeries> source, long total, Consumer<? super SeriesResult> consumer) {
        this.spec = spec;
        this.source = source;
        this.total = total;
        this.consumer = consumer;
        this.window = spec.window();
        this.parallelism = spec.threads();
        this.permits = new Semaphore(window);
        this.ring = new SeriesResult[window];
    }

    void start() {
        startNanos = System.nanoTime();
        lastProgressNanos = startNanos;
        if (spec.executor() != null) {
            executor = spec.executor();
        } else {
            ownPool = Executors.newFixedThreadPool(spec.threads(), namedDaemon("forecast4j-panel-" + runId + "-worker-"));
            executor = ownPool;
        }
        LOG.debug("panel run {} started: {}, total {}", runId, spec, total);
        Thread dispatcher = namedDaemon("forecast4j-panel-" + runId + "-dispatcher").newThread(this::dispatch);
        dispatcher.start();
    }

    /**
     * Reads the source and submits tasks, at most {@code window} series ahead of delivery. Permits are taken a
     * quarter window at a time so that the dispatcher sleeps until a batch of results has been delivered instead
     * of waking up for every single one, and consecutive series are grouped into small chunks (one task each)
     * so that the hand-off cost is shared when fits are cheap.
     */
    private void dispatch() {
        long index = 0;
        int batch = Math.max(1, window / 4);
        int chunk = Math.max(1, Math.min(MAX_CHUNK, batch / (2 * parallelism)));
        TimeSeries[] pending = new TimeSeries[chunk];
        try {
            boolean more = true;
            while (more && !cancelled) {
                permits.acquire(batch);
                int used = 0;
                int inChunk = 0;
                long chunkStart = index;
                while (used < batch && !cancelled && source.hasNext()) {
                    pending[inChunk++] = source.next();
                    index++;
                    used++;
                    if (inChunk == chunk) {
                        submit(chunkStart, pending, inChunk, index);
                        pending = new TimeSeries[chunk];
                        inChunk = 0;
                        chunkStart = index;
                    }
                }
                if (inChunk > 0) {
                    submit(chunkStart, pending, inChunk, index);
                    pending = new TimeSeries[chunk];
                }
                if (used < batch) {
                    permits.release(batch - used);
                    more = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
        } catch (RuntimeException e) {
            abort("the series source threw", e);
        } finally {
            lock.lock();
            try {
                sourceDone = true;
                checkFinished();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Submits series {@code first .. first+count-1} as one task; {@code readSoFar} is the number read. */
    private void submit(long first, TimeSeries[] series, int count, long readSoFar) {
        lock.lock();
        try {
            submitted = readSoFar;
            int inFlight = (int) (submitted - nextToDeliver);
            if (inFlight > maxInFlight) {
                maxInFlight = inFlight;
            }
        } finally {
            lock.unlock();
        }
        SeriesResult[] results = new SeriesResult[count];
        try {
            executor.execute(() -> {
                try {
                    for (int j = 0; j < count; j++) {
                        results[j] = cancelled ? SKIPPED : compute(first + j, series[j]);
                    }
                } catch (Throwable t) {
                    // an Error (not captured per series) aborts the run rather than leaving it waiting forever
                    abort("a forecaster threw " + t.getClass().getSimpleName(), t);
                    for (int j = 0; j < count; j++) {
                        if (results[j] == null) {
                            results[j] = SKIPPED;
                        }
                    }
                }
                complete(first, results);
            });
        } catch (RejectedExecutionException e) {
            abort("executor rejected a task", e);
            Arrays.fill(results, SKIPPED);
            complete(first, results);
        }
    }

    /** Fits and forecasts one series, capturing failures. */
    private SeriesResult compute(long index, TimeSeries s) {
        long t0 = System.nanoTime();
        String key = s == null ? null : s.name();
        if (s == null) {
            return new SeriesResult(index, null, SeriesStatus.FAILED, null, "NullPointerException: series is null",
                    "NullPointerException", System.nanoTime() - t0);
        }
        RuntimeException main;
        try {
            Forecast f = forecast(spec.forecaster(), s);
            return new SeriesResult(index, key, SeriesStatus.OK, f, null, null, System.nanoTime() - t0);
        } catch (RuntimeException e) {
            main = e;
        }
        String reason = describe(main);
        String type = main.getClass().getSimpleName();
        Forecaster fb = spec.fallback();
        if (fb == null) {
            return new SeriesResult(index, key, SeriesStatus.FAILED, null, reason, type, System.nanoTime() - t0);
        }
        try {
            Forecast f = forecast(fb, s);
            return new SeriesResult(index, key, SeriesStatus.FALLBACK, f, reason, type, System.nanoTime() - t0);
        } catch (RuntimeException e) {
            return new SeriesResult(index, key, SeriesStatus.FAILED, null,
                    reason + "; fallback " + fb.name() + " failed too: " + describe(e), type, System.nanoTime() - t0);
        }
    }

    private Forecast forecast(Forecaster f, TimeSeries s) {
        return f.fit(s).forecast(spec.horizon(), spec.levels());
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Stores finished results (of consecutive series) and delivers every result that is now next in order. */
    private void complete(long first, SeriesResult[] results) {
        lock.lock();
        try {
            for (int j = 0; j < results.length; j++) {
                ring[(int) ((first + j) % window)] = results[j];
            }
            while (nextToDeliver < submitted) {
                int slot = (int) (nextToDeliver % window);
                SeriesResult x = ring[slot];
                if (x == null) {
                    break;
                }
                ring[slot] = null;
                if (x == SKIPPED || stopDelivering) {
                    // after the first skipped series, later ones are dropped so the output stays an input prefix
                    stopDelivering = true;
                } else {
                    deliver(x);
                }
                // the permit returns only once the consumer is done with the result
                nextToDeliver++;
                permits.release();
            }
            checkFinished();
        } finally {
            lock.unlock();
        }
    }

    /** Hands one result to the consumer and counts it (lock held). */
    private void deliver(SeriesResult x) {
        try {
            consumer.accept(x);
        } catch (RuntimeException e) {
            abort("the result consumer threw", e);
            stopDelivering = true;
            return;
        }
        delivered++;
        switch (x.status()) {
            case OK:
                ok++;
                break;
            case FALLBACK:
                fallbacks++;
                failuresByType.merge(x.failureType(), 1L, Long::sum);
                break;
            case FAILED:
                failures++;
                failuresByType.merge(x.failureType(), 1L, Long::sum);
                break;
            default:
                throw new IllegalStateException("unknown status " + x.status());
        }
        ProgressListener l = spec.listener();
        if (l != null) {
            long now = System.nanoTime();
            if (now - lastProgressNanos >= spec.progressInterval().toNanos()) {
                lastProgressNanos = now;
                report(l, false, now);
            }
        }
    }

    private void report(ProgressListener l, boolean last, long now) {
        try {
            l.onProgress(new Progress(delivered, total, failures, fallbacks, Duration.ofNanos(now - startNanos), last));
        } catch (RuntimeException e) {
            abort("the progress listener threw", e);
            stopDelivering = true;
        }
    }

    /** Marks the run finished when the source is done and everything submitted is delivered (lock held). */
    private void checkFinished() {
        if (done || !sourceDone || nextToDeliver < submitted) {
            return;
        }
        endNanos = System.nanoTime();
        ProgressListener l = spec.listener();
        if (l != null && !finalReported) {
            finalReported = true;
            report(l, true, endNanos);
        }
        done = true;
        if (ownPool != null) {
            ownPool.shutdown();
        }
        LOG.debug("panel run {} finished: {} series, {} failures, {} fallbacks, cancelled {}", runId, delivered,
                failures, fallbacks, cancelled);
        finished.signalAll();
    }

    private void abort(String what, Throwable cause) {
        lock.lock();
        try {
            if (abortCause == null) {
                abortCause = cause;
                abortWhat = what;
            }
        } finally {
            lock.unlock();
        }
        cancelled = true;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public boolean isDone() {
        lock.lock();
        try {
            return done;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public PanelSummary await() {
        lock.lock();
        try {
            while (!done) {
                finished.await();
            }
            if (abortCause != null) {
                throw new PanelRunException("panel run aborted after " + delivered + " series: " + abortWhat,
                        abortCause);
            }
            return new PanelSummary(delivered, ok, fallbacks, failures, failuresByType,
                    Duration.ofNanos(endNanos - startNanos), cancelled, maxInFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled = true;
            throw new IllegalStateException("interrupted while waiting for the panel run; the run was cancelled", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean await(Duration timeout) {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!done) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = finished.awaitNanos(nanos);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the panel run", e);
        } finally {
            lock.unlock();
        }
    }

    private static ThreadFactory namedDaemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "PanelRun[" + runId + ", done=" + isDone() + ", cancelled=" + cancelled + "]";
    }
}
