package org.neurodec.encoders;

import java.util.function.Supplier;

/**
 * PyTorch's threads within one operation, shared out when several trainings run at once. By default
 * every operation may use every core; with two folds training on two threads of a 2-core machine, each
 * operation's worker threads then compete with the other fold's for the same cores (and OpenMP's
 * waiting threads spin), which on the P300-sized transfer benchmark cost about a fifth of its time.
 * While {@code concurrent} trainings run, each gets {@code cores / concurrent} threads per operation
 * (at least one). The setting is OpenMP's, which belongs to the thread that makes it: so each training
 * sets it on the thread it runs on, and puts that thread's setting back afterwards. A training thus
 * gets the same number of threads, and the same sums in the same order, whichever thread of which pool
 * (a fold's, a Spark executor's) runs it.
 */
public final class EngineThreads {

    private EngineThreads() {
    }

    /**
     * {@code work}'s result, computed on this thread with PyTorch's per-operation threads set to the
     * share of the cores one of {@code concurrent} trainings at once gets (every core for one).
     */
    public static <T> T sharedBy(int concurrent, Supplier<T> work) {
        return with(Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, concurrent)), work);
    }

    /** {@code work}'s result, computed on this thread with {@code threads} PyTorch threads per operation. */
    public static <T> T with(int threads, Supplier<T> work) {
        ai.djl.engine.Engine.getEngine("PyTorch");
        int before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(Math.max(1, threads));
        try {
            return work.get();
        } finally {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(before);
        }
    }
}
