package org.forecast4j.lstm.internal;

/**
 * Decides once whether the SIMD kernels of {@link VectorKernels} are used: only when the incubating module
 * {@code jdk.incubator.vector} is in the boot layer (JVM option {@code --add-modules jdk.incubator.vector}),
 * the preferred vector holds at least 4 doubles, and the system property {@code forecast4j.lstm.scalar} is not
 * {@code true}. Without the module the class {@link VectorKernels} is never loaded.
 */
public final class VectorSupport {

    /** Whether the SIMD kernels are active in this JVM. */
    public static final boolean ENABLED = detect();
    /** Doubles per vector, or 1 when the SIMD kernels are off. */
    static final int LANES = ENABLED ? VectorKernels.lanes() : 1;

    private VectorSupport() {
    }

    private static boolean detect() {
        if (Boolean.getBoolean("forecast4j.lstm.scalar")) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return VectorKernels.lanes() >= 4;
        } catch (LinkageError e) {
            return false;
        }
    }
}
