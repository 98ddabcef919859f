package aws;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The lake's S3 client. On AWS: the default credential chain (instance profile, IRSA) and the real endpoint.
 * With an endpoint and keys set (the local S3 server, MinIO): path-style requests to that endpoint.
 */
public final class S3Clients {

    private S3Clients() {
    }

    public static S3Client create(String endpoint, String region, String accessKey, String secretKey) {
        // bounded, so that a batch's retries stay well inside the consumer's max.poll.interval.ms
        S3ClientBuilder builder = S3Client.builder().region(Region.of(region))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30)));
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint.strip())).forcePathStyle(true);
        }
        if (!accessKey.isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
