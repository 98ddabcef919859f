package local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An S3 API server (s3proxy) inside this JVM, keeping each bucket as a folder under {@code dir}. */
public final class EmbeddedS3 implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3.class);
    private static final Pattern UNFINISHED_UPLOAD =
            Pattern.compile(".+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final S3Proxy proxy;
    private final String url;

    private EmbeddedS3(S3Proxy proxy, String url) {
        this.proxy = proxy;
        this.url = url;
    }

    public static EmbeddedS3 start(Path dir, int port, String accessKey, String secretKey, String bucket) {
        try {
            Files.createDirectories(dir);
            removeUnfinishedUploads(dir);
            BlobStore store = new FilesystemNio2BlobStore(dir.toString());
            if (!store.containerExists(bucket)) {
                store.createContainer(bucket);
            }
            String url = "http://127.0.0.1:" + port;
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(URI.create(url))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .build();
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
            return new EmbeddedS3(proxy, url);
        } catch (Exception e) {
            throw new IllegalStateException("local S3 server did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * s3proxy writes an object to {@code <key>-<uuid>} and renames it when complete; a process killed in
     * between leaves that file, which would show as an object. S3 itself never shows half an upload.
     */
    private static void removeUnfinishedUploads(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> UNFINISHED_UPLOAD.matcher(f.getFileName().toString()).matches()).toList()) {
                Files.delete(file);
                LOG.info("Removed {}, an upload the S3 server did not finish before it stopped", dir.relativize(file));
            }
        }
    }

    public String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
