package replay;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the next chunk of the file while the current one is being sent: parsing then costs the replay no time
 * of its own on a machine with a core to spare. Chunks still go out one after the other, in file order, so what
 * each chunk's messages say was acknowledged before it stays true. One chunk read ahead, never more.
 */
public final class ReadAhead<T> implements Iterator<T>, Closeable {

    private final Iterator<T> source;
    private final Closeable file;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "replay-read-ahead");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Optional<T>> next;

    public <S extends Iterator<T> & Closeable> ReadAhead(S source) {
        this.source = source;
        this.file = source;
        this.next = readNext();
    }

    private Future<Optional<T>> readNext() {
        return reader.submit(() -> source.hasNext() ? Optional.of(source.next()) : Optional.empty());
    }

    @Override
    public boolean hasNext() {
        return await().isPresent();
    }

    @Override
    public T next() {
        T current = await().orElseThrow(NoSuchElementException::new);
        next = readNext();
        return current;
    }

    private Optional<T> await() {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the replay file", e);
        } catch (ExecutionException e) {
            // the reader's own exception, as if the file had been read on this thread
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits for a read under way, then closes the file. */
    @Override
    public void close() throws IOException {
        reader.shutdown();
        try {
            next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // already thrown to the route, or of no interest once the replay stops
        } finally {
            file.close();
        }
    }
}
