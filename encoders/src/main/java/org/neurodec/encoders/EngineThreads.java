package org.neurodec.encoders;

import java.util.function.Supplier;

/**
 * PyTorch's threads within one operation, shared out when several trainings run at once. By default
 * every operation may use every core; with two folds training on two threads of a 2-core machine, each
 * operation's worker threads then compete with the other fold's for the same cores (and OpenMP's
 * waiting threads spin), which on the P300-sized transfer benchmark cost about a fifth of its time.
 * While {@code concurrent} trainings run, each operation gets {@code cores / concurrent} threads (at
 * least one); the engine's setting is restored afterwards.
 */
public final class EngineThreads {

    private EngineThreads() {
    }

    /** Callers inside {@link #sharedBy} now, and the engine's setting before the first of them. */
    private static int active;
    private static int before;

    /**
     * {@code work}'s result, computed while PyTorch's per-operation threads are divided among
     * {@code concurrent} trainings. Several callers at once (two transfers in one batch's JVM) each run
     * without waiting for the other; the last to finish restores the engine's setting.
     */
    public static <T> T sharedBy(int concurrent, Supplier<T> work) {
        if (concurrent <= 1) {
            return work.get();
        }
        synchronized (EngineThreads.class) {
            ai.djl.engine.Engine.getEngine("PyTorch");
            if (active++ == 0) {
                before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
            }
            int each = Math.max(1, Runtime.getRuntime().availableProcessors() / concurrent);
            ai.djl.pytorch.jni.JniUtils.setNumThreads(Math.min(before, each));
        }
        try {
            return work.get();
        } finally {
            synchronized (EngineThreads.class) {
                if (--active == 0) {
                    ai.djl.pytorch.jni.JniUtils.setNumThreads(before);
                }
            }
        }
    }
}
