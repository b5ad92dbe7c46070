package kz.elections.violations.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's processor time went between two moments (Linux {@code /proc}): the application's
 * threads by kind (request threads, the job executor, the rest such as the JIT and the garbage collector),
 * the embedded PostgreSQL's processes, the benchmark's own JVM (its HTTP clients), and the machine as a
 * whole, so that a figure measured on a shared machine says how much of it the run had.
 */
final class CpuUse {

    /** The kernel's clock ticks per second for /proc/&lt;pid&gt;/task/&lt;tid&gt;/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    /** The application's threads: their kind and processor seconds, by thread id. */
    private final Map<String, AppThread> threads;
    /** The database's and the benchmark's processor seconds. */
    private final Map<String, Double> processes;
    private final double machineBusySeconds;
    private final double machineSeconds;
    private final long at;

    private record AppThread(String kind, double seconds) {
    }

    private CpuUse(Map<String, AppThread> threads, Map<String, Double> processes, double machineBusySeconds,
                   double machineSeconds) {
        this.threads = threads;
        this.processes = processes;
        this.machineBusySeconds = machineBusySeconds;
        this.machineSeconds = machineSeconds;
        this.at = System.nanoTime();
    }

    /** The processor seconds used so far by the application's threads (pid), the database and this JVM. */
    static CpuUse now(long applicationPid) {
        Map<String, AppThread> threads = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + applicationPid + "/task"))) {
            for (Path thread : tasks.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).strip();
                    String text = Files.readString(thread.resolve("stat"));
                    // the fields after the command's closing bracket; utime and stime are the 14th and 15th
                    String[] stat = text.substring(text.lastIndexOf(')') + 2).split(" ");
                    threads.put(thread.getFileName().toString(), new AppThread(kind(name),
                            (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / TICKS_PER_SECOND));
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Double> processes = new LinkedHashMap<>();
        processes.put(DATABASE, ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(command -> command.endsWith("/bin/postgres")).orElse(false))
                .mapToDouble(CpuUse::seconds).sum());
        processes.put(CLIENTS, seconds(ProcessHandle.current()));
        double[] machine = machine();
        return new CpuUse(threads, processes, machine[0], machine[1]);
    }

    static final String REQUESTS = "requests";
    static final String JOBS = "job executor";
    static final String COMPILER = "JIT compiler";
    static final String GC = "garbage collector";
    static final String OTHER = "other threads";
    static final String DATABASE = "database (PostgreSQL)";
    static final String CLIENTS = "benchmark's clients (this JVM)";
    static final List<String> APPLICATION = List.of(REQUESTS, JOBS, COMPILER, GC, OTHER);

    private static String kind(String threadName) {
        if (threadName.startsWith("http-nio")) {
            return REQUESTS;
        }
        if (threadName.startsWith("camundaTaskExe") || threadName.startsWith("JobExecutor")) {
            return JOBS;
        }
        if (threadName.contains("CompilerThre")) {
            return COMPILER;
        }
        if (threadName.startsWith("GC ") || threadName.startsWith("G1 ")) {
            return GC;
        }
        return OTHER;
    }

    private static double seconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    /** The machine's busy and total processor seconds since boot (/proc/stat, all cores). */
    private static double[] machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] ticks = Arrays.stream(cpu).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(ticks).sum();
            long idle = ticks[3] + ticks[4];
            return new double[] {(total - idle) / TICKS_PER_SECOND, total / TICKS_PER_SECOND};
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What was used from {@code before} to this moment; of a thread that ended meanwhile (an idle request
     * thread, after a minute) what it used after {@code before} is not counted.
     */
    Interval since(CpuUse before) {
        Map<String, Double> used = new LinkedHashMap<>();
        APPLICATION.forEach(kind -> used.put(kind, 0.0));
        threads.forEach((id, thread) -> used.merge(thread.kind(), thread.seconds()
                - (before.threads.containsKey(id) ? before.threads.get(id).seconds() : 0), Double::sum));
        processes.forEach((kind, value) -> used.put(kind, value - before.processes.getOrDefault(kind, 0.0)));
        return new Interval(used, machineBusySeconds - before.machineBusySeconds,
                machineSeconds - before.machineSeconds, (at - before.at) / 1e9);
    }

    /**
     * Processor seconds used in an interval by kind, and the machine's busy and total processor seconds
     * (cores times the interval).
     */
    record Interval(Map<String, Double> seconds, double machineBusy, double machineTotal, double wallSeconds) {

        double application() {
            return APPLICATION.stream().mapToDouble(seconds::get).sum();
        }

        /** What the rest of the machine (other work on a shared machine) used. */
        double others() {
            return Math.max(0, machineBusy - application() - seconds.get(DATABASE) - seconds.get(CLIENTS));
        }

        /** Milliseconds per complaint by kind, and the machine's share of each, as one line. */
        String perComplaint(int complaints) {
            StringBuilder line = new StringBuilder();
            for (String kind : List.copyOf(seconds.keySet())) {
                line.append(BenchResults.format("%s %.1f ms, ", kind, seconds.get(kind) * 1000 / complaints));
            }
            return line.append(BenchResults.format("other work on the machine %.0f%% of its processor time, idle %.0f%%",
                    100 * others() / machineTotal, 100 * (machineTotal - machineBusy) / machineTotal)).toString();
        }
    }
}
