package local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import local.Directories;
import support.TestKafka;

/** The local S3 server speaks the real S3 API: the AWS SDK lists the bucket it created and stores objects. */
class EmbeddedS3Test {

    private final Path dir = TestKafka.tempDir("s3-test");

    @AfterEach
    void deleteDir() {
        Directories.deleteTree(dir);
    }

    @Test
    void theBucketExistsAndObjectsRoundTripThroughTheS3Api() throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir, LoopbackPorts.free(), "key", "secret", "lake");
             S3Client client = S3Client.builder()
                     .endpointOverride(URI.create(s3.url()))
                     .region(Region.US_EAST_1)
                     .forcePathStyle(true)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                     .build()) {
            assertThat(client.listBuckets().buckets()).extracting(Bucket::name).containsExactly("lake");
            client.putObject(b -> b.bucket("lake").key("a/b.txt"), RequestBody.fromString("hello"));
            assertThat(client.getObjectAsBytes(b -> b.bucket("lake").key("a/b.txt")).asUtf8String()).isEqualTo("hello");
            assertThat(dir.resolve("lake").resolve("a").resolve("b.txt")).hasContent("hello");
        }
    }
}
