package kz.elections.violations.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node of the application: the packaged jar in a JVM of its own ({@code java -jar}), as an operator
 * runs it. {@link #kill()} is {@code kill -9}: no shutdown hook, no commit that was not already made.
 */
public final class AppNode implements AutoCloseable {

    private final String name;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    private AppNode(String name, int port, List<String> arguments, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.arguments = arguments;
        this.environment = environment;
        this.log = Path.of("target", "nodes", name + ".log");
    }

    /** A node on PostgreSQL with the demo users, its job executor on. */
    public static AppNode onPostgres(String name, String jdbcUrl, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres,demo"));
        arguments.addAll(List.of(extraArguments));
        return new AppNode(name, freePort(), arguments, Map.of("SPRING_DATASOURCE_URL", jdbcUrl,
                "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", "", "NODE_NAME", name));
    }

    /** A node on an H2 file database with the demo users, its job executor on. */
    public static AppNode onH2File(String name, Path databaseFile, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=demo",
                "--spring.datasource.url=jdbc:h2:file:" + databaseFile.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE"));
        arguments.addAll(List.of(extraArguments));
        return new AppNode(name, freePort(), arguments, Map.of("NODE_NAME", name));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts the JVM and waits until {@code /actuator/health} is UP. */
    public AppNode start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar().toString(), "--server.port=" + port, "--audit.demo-briefing=false"));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
        awaitHealthy(Duration.ofSeconds(180));
        return this;
    }

    /** kill -9: the JVM ends at once. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy(Duration limit) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(250);
        }
        throw new IllegalStateException(name + " was not healthy within " + limit + "; see " + log);
    }

    static Path jar() {
        File[] jars = Path.of("target").toFile().listFiles((dir, file) -> file.startsWith("election-violations-")
                && file.endsWith(".jar"));
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("build the application's jar first (mvn package): found "
                    + (jars == null ? 0 : jars.length) + " in target/");
        }
        return jars[0].toPath();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
