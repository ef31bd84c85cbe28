package io.ferry.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Runs a benchmark's measured part in a second JVM with a small heap, and reads that JVM's peak heap. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Runs {@code main} of {@code program} with {@code jvmOptions} and {@code args}; fails on a non-zero exit. */
    static void run(Class<?> program, List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        int exit = exitCode(program, jvmOptions, args);
        if (exit != 0) {
            throw new IllegalStateException("the child JVM " + jvmOptions + " " + args + " failed with exit code " + exit);
        }
    }

    /** Runs {@code main} of {@code program} with {@code jvmOptions} and {@code args}; returns its exit code. */
    static int exitCode(Class<?> program, List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath(program));
        cmd.add(program.getName());
        cmd.addAll(args);
        return new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    private static final AtomicLong LIVE_PEAK = new AtomicLong();

    /**
     * Starts a daemon thread that runs a full collection every {@code everyMillis} and records the
     * heap still in use after it: the live data, unlike pool peaks, which include garbage not yet
     * collected. Costs time; for memory benchmarks only. Read it with {@link #peakLiveHeap()}.
     */
    static void sampleLiveHeap(long everyMillis) {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(everyMillis);
                } catch (InterruptedException e) {
                    return;
                }
                System.gc();
                LIVE_PEAK.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            }
        }, "live-heap-sampler");
        t.setDaemon(true);
        t.start();
    }

    /** The most heap in use right after a sampled full collection, in bytes. */
    static long peakLiveHeap() {
        return LIVE_PEAK.get();
    }

    /** Peak bytes used: {@code [0]} summed over the heap pools' peaks, {@code [1]} the old generation's peak. */
    static long[] peakHeap() {
        long peak = 0;
        long oldPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
                if (p.getName().contains("Old") || p.getName().contains("Tenured")) {
                    oldPeak = Math.max(oldPeak, p.getPeakUsage().getUsed());
                }
            }
        }
        return new long[] {peak, oldPeak};
    }

    /** The class path of {@code program}: exec:java runs it in a URLClassLoader, not on java.class.path. */
    private static String classPath(Class<?> program) {
        ClassLoader cl = program.getClassLoader();
        List<String> entries = new ArrayList<>();
        while (cl != null) {
            if (cl instanceof URLClassLoader) {
                for (URL u : ((URLClassLoader) cl).getURLs()) {
                    try {
                        entries.add(new File(u.toURI()).getPath());
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            cl = cl.getParent();
        }
        return entries.isEmpty() ? System.getProperty("java.class.path")
                : entries.stream().distinct().collect(Collectors.joining(File.pathSeparator));
    }
}
