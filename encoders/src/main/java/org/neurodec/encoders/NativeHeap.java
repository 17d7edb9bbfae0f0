package org.neurodec.encoders;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Keeps freed native memory for reuse instead of returning it to the system at once. Training allocates
 * and frees the same few megabyte-sized tensors every step; with glibc's defaults each such tensor is
 * mapped and unmapped (or the heap's top trimmed) and the next step faults every page back in, which on
 * virtual machines made an EEG training epoch three times slower (4.5 s against 1.4 s for 3,920 trials
 * of 4 × 231 samples) and, with folds training on several threads, spent a third of the CPU time in the
 * kernel. glibc's {@code mallopt} is called once, through JNA (already on the class path for DJL): blocks
 * up to 32 MiB come from the heaps rather than their own mappings, and up to 1 GiB freed at a heap's top
 * is kept, grown 256 MiB at a time; this is what the {@code MALLOC_MMAP_THRESHOLD_},
 * {@code MALLOC_TRIM_THRESHOLD_} and {@code MALLOC_TOP_PAD_} environment variables do, for every way
 * neurodec is started (CLI, tests, notebooks). Where a user set them, or elsewhere than Linux with glibc,
 * nothing is changed.
 */
final class NativeHeap {

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static volatile boolean tuned;

    private NativeHeap() {
    }

    /** Tunes the heap once per process; later calls do nothing. */
    static void tune() {
        if (tuned) {
            return;
        }
        synchronized (NativeHeap.class) {
            if (tuned) {
                return;
            }
            tuned = true;
            if (!Platform.isLinux() || System.getenv("MALLOC_TRIM_THRESHOLD_") != null
                    || System.getenv("MALLOC_MMAP_THRESHOLD_") != null) {
                return;
            }
            try {
                Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
                mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, 1 << 30});
                mallopt.invokeInt(new Object[] {M_TOP_PAD, 256 << 20});
                mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, 32 << 20});
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                // not glibc (musl has no mallopt): the defaults stay, only slower
            }
        }
    }
}
