package kz.elections.violations.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import kz.elections.violations.support.HttpApi;

/**
 * The packaged application ({@code target/election-violations-*.jar}) in a JVM of its own, as
 * {@code java -jar} starts it: on a free port, with the JVM options and application arguments the
 * benchmark gives, its output in a log file. Started when {@code GET /actuator/health} says UP.
 */
final class AppProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Duration startup;

    private AppProcess(String name, Process process, int port, Path log, Duration startup) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.startup = startup;
    }

    /** Starts the jar and waits (at most 3 minutes) until its health is UP. */
    static AppProcess start(String name, List<String> jvmOptions, List<String> arguments) {
        int port = freePort();
        Path log = Path.of("target/bench/" + name + ".log");
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            HttpApi http = new HttpApi(port);
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
                }
                if (isUp(http)) {
                    return new AppProcess(name, process, port, log, Duration.ofNanos(System.nanoTime() - started));
                }
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(3)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(name + " was not UP after 3 minutes, see " + log);
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUp(HttpApi http) {
        try {
            HttpApi.Answer health = http.get(null, "/actuator/health");
            return health.status() == 200 && health.body() != null && "UP".equals(health.body().path("status").asText());
        } catch (IllegalStateException notListeningYet) {
            return false;
        }
    }

    HttpApi http() {
        return new HttpApi(port);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** From the start of the JVM to the first health UP. */
    Duration startup() {
        return startup;
    }

    Path log() {
        return log;
    }

    /** Runs a full garbage collection in the application and answers the heap then in use, in MiB. */
    double usedHeapAfterFullGcMib() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in " + info);
        }
        return Long.parseLong(used.group(1)) / 1024.0;
    }

    boolean logMentions(String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String jcmd(String command) {
        try {
            Path jcmd = Path.of(javaCommand()).resolveSibling("jcmd");
            Process p = new ProcessBuilder(Files.exists(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid()), command)
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            p.waitFor(1, TimeUnit.MINUTES);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the application as a service manager would (SIGTERM) and waits until it has shut down. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", port " + port + ")";
    }

    static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("election-violations-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no target/election-violations-*.jar: run mvn -DskipTests package first (bench/run.sh does)"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
