package replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import covid.CountyRow;
import covid.RowRejection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayFileTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("counties.csv");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static List<ReplayChunk> readAll(Path file, ReplayPacer pacer, int maxRows) {
        List<ReplayChunk> chunks = new ArrayList<>();
        try (ReplayFile replay = ReplayFile.open(file, ReplayIdentity.of(file, "1"), ResumePoint.nothingSent(null), pacer, maxRows)) {
            replay.forEachRemaining(chunks::add);
        }
        return chunks;
    }

    private static List<CountyRow> rows(List<ReplayChunk> chunks) {
        return chunks.stream().flatMap(c -> c.rows().stream()).toList();
    }

    private static ReplayPacer unpaced() {
        return new ReplayPacer(0, 0, Map.of());
    }

    @Test
    void readsTheRealQuirksAsValidRows() throws IOException {
        Path file = write("\uFEFFdate,county,state,fips,cases,deaths\r\n"
                + "2023-01-01,Doña Ana,New Mexico,35013,1000,10\r\n"
                + "2023-01-01,\"Bristol Bay plus Lake and Peninsula\",Alaska,02060,50,\r\n"
                + "2023-01-01,Unknown,Puerto Rico,,70,\r\n"
                + "2023-01-02,\"Anchorage, Municipality\",Alaska,02020,40,1\r\n");
        List<CountyRow> rows = rows(readAll(file, unpaced(), 100));
        assertThat(rows).extracting(CountyRow::county)
                .containsExactly("Doña Ana", "Bristol Bay plus Lake and Peninsula", "Unknown", "Anchorage, Municipality");
        assertThat(rows).extracting(CountyRow::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(rows.get(2).fips()).isNull();
        assertThat(rows.get(2).deaths()).isNull();
        assertThat(rows.get(3).date()).isEqualTo(LocalDate.of(2023, 1, 2));
    }

    @Test
    void columnsAreFoundByNameInAnyOrder() throws IOException {
        Path file = write("state,county,date,deaths,cases,fips\nAlabama,Autauga,2023-01-01,230,18961,01001\n");
        assertThat(rows(readAll(file, unpaced(), 100)))
                .containsExactly(new CountyRow(2, LocalDate.of(2023, 1, 1), "Autauga", "Alabama", "01001", 18961, 230L));
    }

    @Test
    void badRowsAreRejectedWithLineAndReasonAndTheRestIsRead() throws IOException {
        Path file = write("date,county,state,fips,cases,deaths\n"
                + "2023-01-01,Autauga,Alabama,01001,18961,230\n"
                + "2023-01-01,Baldwin,Alabama,01003\n"
                + "2023-01-01,Barbour,Alabama,01005,lots,3\n"
                + "2023-01-01,Bibb,Alabama,01007,5,2\n");
        List<ReplayChunk> chunks = readAll(file, unpaced(), 100);
        assertThat(rows(chunks)).extracting(CountyRow::county).containsExactly("Autauga", "Bibb");
        List<RowRejection> rejections = chunks.stream().flatMap(c -> c.rejections().stream()).toList();
        assertThat(rejections).containsExactly(
                new RowRejection(3, "2023-01-01,Baldwin,Alabama,01003", "expected 6 columns, found 4"),
                new RowRejection(4, "2023-01-01,Barbour,Alabama,01005,lots,3", "cases is not a whole number: 'lots'"));
    }

    @Test
    void unpacedChunksAreFullBatches() throws IOException {
        StringBuilder csv = new StringBuilder("date,county,state,fips,cases,deaths\n");
        for (int i = 0; i < 25; i++) {
            csv.append("2023-01-01,C").append(i).append(",S,,1,1\n");
        }
        List<ReplayChunk> chunks = readAll(write(csv.toString()), unpaced(), 10);
        assertThat(chunks).extracting(c -> c.rows().size()).containsExactly(10, 10, 5);
        ReplayChunk last = chunks.get(2);
        assertThat(last.bytesRead()).isEqualTo(last.fileBytes());
    }

    @Test
    void pacedChunksHoldOnlyRowsDueWithinATick() throws IOException {
        StringBuilder csv = new StringBuilder("date,county,state,fips,cases,deaths\n");
        for (int i = 0; i < 10; i++) {
            csv.append("2023-01-01,C").append(i).append(",S,,1,1\n");
        }
        // 100 rows/s: a row every 10 ms, so a 20 ms tick holds three
        List<ReplayChunk> chunks = readAll(write(csv.toString()), new ReplayPacer(100, 0, Map.of()), 1000);
        assertThat(chunks).extracting(c -> c.rows().size()).containsExactly(3, 3, 3, 1);
        assertThat(chunks.get(1).dueAt() - chunks.get(0).dueAt()).isEqualTo(30);
    }

    @Test
    void aMissingFileIsOneClearError() {
        assertThatThrownBy(() -> ReplayIdentity.of(dir.resolve("nope.csv"), "1"))
                .isInstanceOf(ReplayInputException.class)
                .hasMessageStartingWith("replay.file: no such file: ")
                .hasMessageEndingWith("nope.csv");
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsOneClearError() throws IOException {
        Path file = write("day,county,state,fips,count\n2023-01-01,Autauga,Alabama,01001,1\n");
        assertThatThrownBy(() -> ReplayFile.open(file, ReplayIdentity.of(file, "1"), ResumePoint.nothingSent(null), unpaced(), 10))
                .isInstanceOf(ReplayInputException.class)
                .hasMessageContaining("has no column date, cases, deaths");
    }

    @Test
    void aResumedReplaySendsOnlyTheLinesNotOnTheTopicsAndSaysWhatIsAcknowledged() throws IOException {
        Path file = write("date,county,state,fips,cases,deaths\n"
                + "2023-01-01,A,S,,1,1\n2023-01-01,B,S,,1,1\n2023-01-01,C,S,,x,1\n2023-01-01,D,S,,1,1\n"
                + "2023-01-01,E,S,,1,1\n2023-01-01,F,S,,1,1\n2023-01-01,G,S,,1,1\n2023-01-01,H,S,,1,1\n");
        // lines 2-3 acknowledged; of the later ones, 5 and 7 made it before the crash
        ResumePoint resume = new ResumePoint(3, Set.of(5L, 7L), null);
        List<ReplayChunk> chunks;
        try (ReplayFile replay = ReplayFile.open(file, ReplayIdentity.of(file, "1"), resume, unpaced(), 1)) {
            chunks = new ArrayList<>();
            replay.forEachRemaining(chunks::add);
        }
        assertThat(rows(chunks)).extracting(CountyRow::line).containsExactly(6L, 8L, 9L);
        assertThat(chunks).flatExtracting(ReplayChunk::rejections).extracting(RowRejection::line).containsExactly(4L);
        // the first chunk reaches past the last line already sent (7) whatever the batch size, so that no larger
        // line is acknowledged before the resent ones are
        assertThat(chunks.get(0).lastLine()).isGreaterThanOrEqualTo(7);
        assertThat(chunks).extracting(ReplayChunk::ackedThrough)
                .containsExactly(3L, chunks.get(0).lastLine(), chunks.get(1).lastLine());
        assertThat(chunks).extracting(ReplayChunk::skipped).containsExactly(4, 0, 0);
    }

    @Test
    void aResumedReplayKeepsItsPaceFromWhereItStopped() throws IOException {
        StringBuilder csv = new StringBuilder("date,county,state,fips,cases,deaths\n");
        for (int day = 1; day <= 3; day++) {
            for (int county = 0; county < 2; county++) {
                csv.append("2023-01-0").append(day).append(",C").append(county).append(",S,,1,1\n");
            }
        }
        Path file = write(csv.toString());
        Map<LocalDate, Integer> days = DayCounts.scan(file);
        // day 1 (lines 2-3) is on the topics: day 2 is due at once, day 3 one day of pace (10 s) later
        List<ReplayChunk> chunks;
        try (ReplayFile replay = ReplayFile.open(file, ReplayIdentity.of(file, "1"), new ResumePoint(3, Set.of(), null),
                new ReplayPacer(0, 10, days), 100)) {
            chunks = new ArrayList<>();
            replay.forEachRemaining(chunks::add);
        }
        assertThat(rows(chunks).get(0).date()).isEqualTo(LocalDate.of(2023, 1, 2));
        assertThat(chunks.get(0).dueAt() - chunks.get(0).startedAt()).isZero();
        ReplayChunk day3 = chunks.stream().filter(c -> c.rows().get(0).date().getDayOfMonth() == 3).findFirst().orElseThrow();
        assertThat(day3.dueAt() - day3.startedAt()).isEqualTo(10_000);
    }

    @Test
    void aFileIsKnownByItsContentNotItsName() throws IOException {
        Path file = write("date,county,state,fips,cases,deaths\n2023-01-01,A,S,,1,1\n");
        Path renamed = Files.copy(file, dir.resolve("renamed.csv"));
        ReplayIdentity original = ReplayIdentity.of(file, "1");
        assertThat(original.sameReplay(ReplayIdentity.of(renamed, "1"))).isTrue();
        assertThat(original.sameReplay(ReplayIdentity.of(file, "2"))).isFalse();
        Files.writeString(file, "date,county,state,fips,cases,deaths\n2023-01-01,A,S,,2,1\n");
        assertThat(original.sameReplay(ReplayIdentity.of(file, "1"))).isFalse();
        assertThat(ReplayIdentity.parse(original.header().getBytes(StandardCharsets.UTF_8))).isEqualTo(original);
        assertThatThrownBy(() -> ReplayIdentity.checkRun("a/b")).hasMessageStartingWith("replay.run-id must be");
    }

    @Test
    void dayCountsCountTheRowsOfEachDate() throws IOException {
        Path file = write("date,county,state,fips,cases,deaths\n"
                + "2023-01-02,A,S,,1,1\n2023-01-01,B,S,,1,1\n2023-01-02,C,S,,1,1\nnot-a-date,D,S,,1,1\n");
        assertThat(DayCounts.scan(file)).containsExactly(
                Map.entry(LocalDate.of(2023, 1, 1), 1), Map.entry(LocalDate.of(2023, 1, 2), 2));
    }
}
