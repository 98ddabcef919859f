package replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void givesEveryChunkInOrderAndClosesTheFile() throws Exception {
        Chunks chunks = new Chunks(5, -1);
        List<Integer> seen = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(chunks)) {
            ahead.forEachRemaining(seen::add);
        }
        assertThat(seen).containsExactly(0, 1, 2, 3, 4);
        assertThat(chunks.closed).isTrue();
    }

    @Test
    void readsAtMostOneChunkAhead() throws Exception {
        Chunks chunks = new Chunks(5, -1);
        try (ReadAhead<Integer> ahead = new ReadAhead<>(chunks)) {
            assertThat(ahead.next()).isZero();
            assertThat(ahead.hasNext()).isTrue();
            assertThat(chunks.read.get()).isEqualTo(2);
        }
    }

    @Test
    void aReadThatFailsFailsTheChunkItWouldHaveGiven() throws Exception {
        try (ReadAhead<Integer> ahead = new ReadAhead<>(new Chunks(5, 2))) {
            assertThat(ahead.next()).isZero();
            assertThat(ahead.next()).isOne();
            assertThatThrownBy(ahead::next).isInstanceOf(ReplayInputException.class).hasMessage("line 2 is broken");
        }
    }

    /** Chunks 0..count-1, the one numbered {@code broken} failing to read. */
    private static final class Chunks implements Iterator<Integer>, Closeable {
        final AtomicInteger read = new AtomicInteger();
        final int count;
        final int broken;
        volatile boolean closed;

        Chunks(int count, int broken) {
            this.count = count;
            this.broken = broken;
        }

        @Override
        public boolean hasNext() {
            return read.get() < count;
        }

        @Override
        public Integer next() {
            int chunk = read.getAndIncrement();
            if (chunk == broken) {
                throw new ReplayInputException("line " + chunk + " is broken");
            }
            return chunk;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
