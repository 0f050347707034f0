package org.forecast4j.core.panel;

/**
 * Receives progress reports of a panel run. Calls are serialized (never concurrent) and made from the run's
 * worker threads, at most once per configured interval plus once at the end ({@link Progress#finished()}), so
 * implementations should return quickly. An exception thrown here aborts the run like a consumer failure.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Called with the current progress.
     *
     * @param progress the snapshot
     */
    void onProgress(Progress progress);
}
