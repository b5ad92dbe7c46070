package kz.elections.violations.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The rows of the scale benchmark's table: a figure, its value, the goal and whether it was met. */
final class BenchResults {

    record Row(String figure, String value, String goal, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void add(String figure, String value) {
        add(new Row(figure, value, "", ""));
    }

    synchronized void add(String figure, String value, String goal, boolean met) {
        add(new Row(figure, value, goal, met ? "met" : "MISSED"));
    }

    /** Every row and note is also printed when it is known, so that a long run shows its progress. */
    private void add(Row row) {
        rows.add(row);
        System.out.println("[bench] " + row.figure() + ": " + row.value() + " " + row.goal() + " " + row.verdict());
    }

    synchronized void note(String note) {
        notes.add(note);
        System.out.println("[bench] " + note);
    }

    synchronized boolean isEmpty() {
        return rows.isEmpty() && notes.isEmpty();
    }

    synchronized String table() {
        int width = Math.max(40, rows.stream().mapToInt(r -> r.figure().length()).max().orElse(0));
        int valueWidth = Math.max(12, rows.stream().mapToInt(r -> r.value().length()).max().orElse(0));
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nScale benchmark, %s, %d cores, %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        String format = "%-" + width + "s  %-" + valueWidth + "s  %-12s  %s%n";
        table.append(String.format(Locale.ROOT, format, "figure", "value", "goal", ""));
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, format, row.figure(), row.value(), row.goal(), row.verdict()));
        }
        notes.forEach(note -> table.append("  ").append(note).append(System.lineSeparator()));
        return table.toString();
    }

    /** Prints the table and appends it to target/bench/results.txt. */
    void publish() {
        String table = table();
        System.out.println(table);
        try {
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/results.txt"), table, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
