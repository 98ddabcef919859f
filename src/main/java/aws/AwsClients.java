package aws;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The pipeline's AWS clients. On AWS: the default credential chain (instance profile, IRSA) and the real
 * endpoints. With an endpoint and keys set (the local stack, MinIO): that endpoint and those keys.
 */
public final class AwsClients {

    private AwsClients() {
    }

    /** Path-style requests when an endpoint is set, since local S3 servers do not serve bucket host names. */
    public static S3Client s3(String endpoint, String region, String accessKey, String secretKey) {
        return s3(endpoint, region, accessKey, secretKey, Duration.ofSeconds(30));
    }

    /** @param callTimeout the longest one call may take, retries inside the SDK included */
    public static S3Client s3(String endpoint, String region, String accessKey, String secretKey, Duration callTimeout) {
        var builder = configure(S3Client.builder(), endpoint, region, accessKey, secretKey)
                // bounded, so that a batch's uploads can be kept inside the consumer's max.poll.interval.ms
                .overrideConfiguration(c -> c.apiCallTimeout(callTimeout));
        if (!endpoint.isBlank()) {
            builder.forcePathStyle(true);
        }
        return builder.build();
    }

    /** Bounded too: the sink registers partitions with it inside a batch's max.poll.interval. */
    public static GlueClient glue(String endpoint, String region, String accessKey, String secretKey) {
        return configure(GlueClient.builder(), endpoint, region, accessKey, secretKey)
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30))).build();
    }

    public static AthenaClient athena(String endpoint, String region, String accessKey, String secretKey) {
        return configure(AthenaClient.builder(), endpoint, region, accessKey, secretKey).build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, String endpoint, String region,
                                                                 String accessKey, String secretKey) {
        builder.region(Region.of(region)).credentialsProvider(credentials(accessKey, secretKey));
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint.strip()));
        }
        return builder;
    }

    private static AwsCredentialsProvider credentials(String accessKey, String secretKey) {
        if (accessKey.isBlank()) {
            return requireCredentials(DefaultCredentialsProvider.builder().build());
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    /** Fails start-up with one line when the chain finds nothing, instead of at the first call with a page of it. */
    static AwsCredentialsProvider requireCredentials(AwsCredentialsProvider provider) {
        try {
            provider.resolveCredentials();
            return provider;
        } catch (SdkClientException e) {
            throw new IllegalStateException("no AWS credentials: none of the default chain's sources has any "
                    + "(the EC2 instance profile, IRSA's AWS_WEB_IDENTITY_TOKEN_FILE on EKS, AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, ~/.aws/credentials)");
        }
    }
}
