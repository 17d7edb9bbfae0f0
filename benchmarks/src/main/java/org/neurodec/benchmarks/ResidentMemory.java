package org.neurodec.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples this process's resident memory from /proc/self/status every few milliseconds: total
 * (VmRSS, which includes pages of memory-mapped files) and anonymous (RssAnon: heap and native
 * allocations), and the JVM's peak heap. Linux only for the resident sizes; elsewhere they read 0.
 */
final class ResidentMemory {

    private final Thread sampler;
    private final long baselineAnonymous;
    private volatile boolean running = true;
    private volatile long peakTotal;
    private volatile long peakAnonymous;

    private ResidentMemory() {
        baselineAnonymous = read("RssAnon:");
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "resident-memory-sampler");
        sampler.setDaemon(true);
    }

    static ResidentMemory start() {
        ResidentMemory memory = new ResidentMemory();
        memory.sampler.start();
        return memory;
    }

    void stop() {
        sample();
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The JVM's peak heap use so far: the sum of the heap pools' peaks. */
    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    long peakTotal() {
        return Math.max(peakTotal, read("VmHWM:"));
    }

    long peakAnonymous() {
        return peakAnonymous;
    }

    long baselineAnonymous() {
        return baselineAnonymous;
    }

    private void sample() {
        peakTotal = Math.max(peakTotal, read("VmRSS:"));
        peakAnonymous = Math.max(peakAnonymous, read("RssAnon:"));
    }

    private static long read(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
