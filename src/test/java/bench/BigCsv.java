package bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a large county CSV in the NYT dataset's format ({@code date,county,state,fips,cases,deaths}) from a
 * real slice of it: the slice is repeated, each copy with its dates shifted by the slice's span (30 days for the
 * 30-day slice), so dates stay realistic and increase through the file, until the file has the rows asked for.
 * Only the source slice is held in memory; the output is streamed.
 *
 * <pre>java -cp ... bench.BigCsv OUT.csv [ROWS] [SOURCE.csv]</pre>
 */
public final class BigCsv {

    /** The real 30-day slice (97,369 rows) that the repository ships in samples/. */
    static final String DEFAULT_SOURCE = "nyt-us-counties-2021-02-05_2021-03-06.csv";
    static final long DEFAULT_ROWS = 2_500_000;

    private BigCsv() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: bench.BigCsv OUT.csv [ROWS, default " + DEFAULT_ROWS + "] [SOURCE.csv]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long rows = args.length > 1 ? Long.parseLong(args[1].replace("_", "")) : DEFAULT_ROWS;
        Path source = args.length > 2 ? Path.of(args[2]) : defaultSource();
        long start = System.nanoTime();
        generate(source, out, rows);
        System.out.printf("%s: %,d rows from %s in %.1f s%n", out, rows, source, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The 30-day slice: {@code samples/} of the project root (where the bench scripts run), else
     * {@code ../shared/data/} beside the repository.
     */
    static Path defaultSource() {
        for (Path candidate : List.of(Path.of("samples", DEFAULT_SOURCE), Path.of("..", "shared", "data", DEFAULT_SOURCE))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("cannot find " + DEFAULT_SOURCE + " in samples/ or ../shared/data/;"
                + " pass the source CSV explicitly");
    }

    /**
     * Writes {@code rows} data rows (plus the header) to {@code out}, through a temporary file renamed at the
     * end, so an interrupted run never leaves a short file that looks finished.
     */
    static void generate(Path source, Path out, long rows) {
        try {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(source + " is empty");
            }
            String header = lines.get(0);
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (!header.startsWith("date,")) {
                throw new IllegalArgumentException(source + " does not start with a date column: " + header);
            }
            List<String> data = new ArrayList<>(lines.size());
            Map<String, LocalDate> dates = new HashMap<>();
            LocalDate first = null;
            LocalDate last = null;
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma < 0) {
                    throw new IllegalArgumentException(source + ": no date in line: " + line);
                }
                LocalDate date = dates.computeIfAbsent(line.substring(0, comma), LocalDate::parse);
                first = first == null || date.isBefore(first) ? date : first;
                last = last == null || date.isAfter(last) ? date : last;
                data.add(line);
            }
            if (data.isEmpty()) {
                throw new IllegalArgumentException(source + " has no data rows");
            }
            long spanDays = ChronoUnit.DAYS.between(first, last) + 1;

            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, out.getFileName().toString(), ".part");
            try {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write(header);
                    w.write('\n');
                    long written = 0;
                    for (int copy = 0; written < rows; copy++) {
                        // the copy's dates, each distinct source date shifted once
                        Map<String, String> shifted = new HashMap<>();
                        long shift = copy * spanDays;
                        for (Map.Entry<String, LocalDate> d : dates.entrySet()) {
                            shifted.put(d.getKey(), d.getValue().plusDays(shift).toString());
                        }
                        for (int i = 0; i < data.size() && written < rows; i++, written++) {
                            String line = data.get(i);
                            int comma = line.indexOf(',');
                            w.write(shifted.get(line.substring(0, comma)));
                            w.write(line, comma, line.length() - comma);
                            w.write('\n');
                        }
                    }
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
