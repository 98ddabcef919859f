package local.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * S3 locations as folders of the local S3 server's data dir: s3://bucket/a/b/ is the folder
 * {@code root/bucket/a/b}. The crawler and the query engine read the lake through it, as DuckDB
 * cannot read s3:// URLs here.
 */
final class S3Folders {

    private final Path root;

    S3Folders(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The data folder itself, where each bucket is a folder. */
    Path root() {
        return root;
    }

    Path folder(String s3Url) {
        if (!s3Url.startsWith("s3://")) {
            throw new IllegalArgumentException("not an s3:// location: " + s3Url);
        }
        Path folder = root.resolve(s3Url.substring("s3://".length())).normalize();
        if (!folder.startsWith(root)) {
            throw new IllegalArgumentException("location outside the local S3 data dir: " + s3Url);
        }
        return folder;
    }

    /** The location of a folder, with the trailing slash Glue gives table and partition locations. */
    String location(Path folder) {
        return "s3://" + root.relativize(folder).toString().replace('\\', '/') + "/";
    }

    /** The objects directly in the folder, in name order; none when it does not exist. */
    static List<Path> files(Path folder) {
        return list(folder).filter(Files::isRegularFile).filter(S3Folders::visible).toList();
    }

    /** The folders directly in the folder, in name order. */
    static List<Path> subfolders(Path folder) {
        return list(folder).filter(Files::isDirectory).filter(S3Folders::visible).toList();
    }

    /** Crawlers skip names starting with _ or . (markers such as _SUCCESS, temporary files). */
    private static boolean visible(Path path) {
        String name = path.getFileName().toString();
        return !name.startsWith("_") && !name.startsWith(".");
    }

    private static Stream<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
