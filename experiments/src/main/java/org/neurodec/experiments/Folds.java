package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs the independent folds of an experiment (one per new subject) on a few threads and reports
 * the job's progress as one estimate that never rises.
 */
final class Folds {

    private Folds() {
    }

    /**
     * {@code work} applied to every id, {@code parallel} at a time, the results in the ids' order. A
     * fold's failure is rethrown as it was raised (a job error stays a job error) once the folds
     * already started have ended.
     */
    static <T> List<T> run(List<String> ids, Function<String, T> work, int parallel) {
        if (parallel <= 1 || ids.size() <= 1) {
            return ids.stream().map(work).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, ids.size()), runnable -> {
            Thread thread = new Thread(runnable, "neurodec-fold");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (String id : ids) {
                futures.add(pool.submit(() -> work.apply(id)));
            }
            List<T> out = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<T> future : futures) {
                try {
                    out.add(future.get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : e.getCause() instanceof Error error ? new IllegalStateException(error) : new IllegalStateException(e.getCause());
                        futures.forEach(f -> f.cancel(false));
                    }
                } catch (java.util.concurrent.CancellationException e) {
                    // a fold not started after an earlier one failed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while folds ran", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The job's progress: each fold's lines prefixed with its new subject, the per-training time
     * estimates dropped (several trainings at once make them jump), and after each fold a line with
     * the folds done and the time left for the rest, from the mean time per fold so far; an estimate
     * is never above the one before it.
     */
    static final class Progress {

        private static final Pattern TRAINING_ESTIMATE = Pattern.compile("\\s+\\d+ s left$");

        private final int folds;
        private final Consumer<String> log;
        private final java.util.function.LongSupplier clock;
        private final long start;
        private int done;
        private double lastEstimate = Double.POSITIVE_INFINITY;

        Progress(int folds, Consumer<String> log) {
            this(folds, log, System::nanoTime);
        }

        /** With {@code clock} in nanoseconds (a test's own). */
        Progress(int folds, Consumer<String> log, java.util.function.LongSupplier clock) {
            this.folds = folds;
            this.log = log;
            this.clock = clock;
            this.start = clock.getAsLong();
        }

        /** The log of the fold for new subject {@code id}. */
        Consumer<String> of(String id) {
            return line -> {
                synchronized (this) {
                    log.accept("[new subject " + id + "] " + TRAINING_ESTIMATE.matcher(line).replaceFirst(""));
                }
            };
        }

        /** Records that the fold for {@code id} ended and says how long the others should take. */
        synchronized void done(String id) {
            done++;
            double elapsed = (clock.getAsLong() - start) / 1e9;
            double estimate = Math.min(lastEstimate, elapsed / done * (folds - done));
            lastEstimate = estimate;
            log.accept(String.format(Locale.ROOT, "new subject %s done (%d of %d folds)%s", id, done, folds,
                    done == folds ? "" : String.format(Locale.ROOT, ", about %.0f s left", estimate)));
        }
    }
}
