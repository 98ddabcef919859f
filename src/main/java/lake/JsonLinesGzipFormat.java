package lake;

import covid.CountyJson;
import covid.CountyRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** One JSON object per line, gzip-compressed: what Athena's JSON SerDe and the Glue crawler read. */
public final class JsonLinesGzipFormat implements RecordFormat {

    @Override
    public String extension() {
        return "jsonl.gz";
    }

    @Override
    public byte[] encode(List<CountyRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 16 + 64);
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 16), StandardCharsets.UTF_8)) {
            for (CountyRow row : rows) {
                out.write(CountyJson.encode(row));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
