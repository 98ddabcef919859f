package replay;

import covid.CountyRow;
import covid.CountyRowParser;
import covid.ParsedRow;
import covid.RowRejection;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A county CSV file read as a stream of {@link ReplayChunk}s: never more than one chunk in memory.
 * A chunk ends at {@code maxRows} rows, or where the next row is due more than {@link #TICK_MILLIS}
 * after the chunk's first, so paced replays stay smooth while backfills send large batches.
 * Lines that an earlier attempt at the same replay sent already ({@link ResumePoint}) are skipped, and the
 * pace goes on from the first line sent, as if the replay had never stopped.
 */
public final class ReplayFile implements Iterator<ReplayChunk>, Closeable {

    static final long TICK_MILLIS = 20;

    private final ReplayIdentity replay;
    private final ResumePoint resume;
    private final long sentThrough;
    private final CountingStream in;
    private final CSVParser csv;
    private final Iterator<CSVRecord> records;
    private final int[] columns;
    private final int headerSize;
    private final CountyRowParser parser = new CountyRowParser();
    private final ReplayPacer pacer;
    private final int maxRows;
    private final long fileBytes;
    private final long startedAt = System.currentTimeMillis();
    private CountyRow pending;
    private long pendingDue;
    private long coveredThrough;
    private long paceOffset = -1;

    private ReplayFile(Path file, ReplayIdentity replay, ResumePoint resume, ReplayPacer pacer, int maxRows)
            throws IOException {
        this.replay = replay;
        this.resume = resume;
        this.sentThrough = resume.sentThrough();
        this.coveredThrough = resume.ackedThrough();
        this.in = new CountingStream(CountyCsv.openStream(file));
        try {
            this.csv = CountyCsv.open(file, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        this.records = csv.iterator();
        this.columns = CountyCsv.columnIndexes(csv);
        this.headerSize = csv.getHeaderNames().size();
        this.pacer = pacer;
        this.maxRows = maxRows;
        this.fileBytes = Files.size(file);
    }

    public static ReplayFile open(Path file, ReplayIdentity replay, ResumePoint resume, ReplayPacer pacer, int maxRows) {
        try {
            return new ReplayFile(file, replay, resume, pacer, maxRows);
        } catch (IOException e) {
            throw new ReplayInputException("replay.file: cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    @Override
    public boolean hasNext() {
        return pending != null || records.hasNext();
    }

    @Override
    public ReplayChunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<CountyRow> rows = new ArrayList<>();
        List<RowRejection> rejections = new ArrayList<>();
        long ackedThrough = coveredThrough;
        long lastLine = coveredThrough;
        int skipped = 0;
        long firstDue = -1;
        // a resumed replay's first chunk reaches at least the last line already sent (see ResumePoint.sentThrough)
        while (rows.size() + rejections.size() < maxRows || lastLine < sentThrough) {
            CountyRow row = pending;
            long due = pendingDue;
            pending = null;
            if (row == null) {
                ParsedRow parsed = read();
                if (parsed == null) {
                    break;
                }
                if (resume.alreadySent(parsed.line())) {
                    skipped++;
                    lastLine = parsed.line();
                    if (parsed instanceof CountyRow sent) {
                        pacer.dueMillis(sent.date()); // keeps the pace's place in the file
                    }
                    continue;
                }
                if (parsed instanceof RowRejection rejection) {
                    // rejected rows go out with the chunk they are read in; they take no slot in the pace
                    rejections.add(rejection);
                    lastLine = rejection.line();
                    continue;
                }
                row = (CountyRow) parsed;
                due = pacer.dueMillis(row.date());
                if (paceOffset < 0) {
                    paceOffset = due;
                }
                due -= paceOffset;
            }
            if (firstDue < 0) {
                firstDue = due;
            } else if (due - firstDue > TICK_MILLIS && lastLine >= sentThrough) {
                pending = row;
                pendingDue = due;
                break;
            }
            rows.add(row);
            lastLine = row.line();
        }
        coveredThrough = lastLine;
        return new ReplayChunk(replay, rows, rejections, ackedThrough, lastLine, skipped,
                startedAt + Math.max(firstDue, 0), startedAt, in.count, fileBytes);
    }

    private ParsedRow read() {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        return parser.parse(record.getRecordNumber() + 1, CountyCsv.countyValues(record, columns, headerSize), record.size(),
                () -> CountyCsv.raw(record));
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
