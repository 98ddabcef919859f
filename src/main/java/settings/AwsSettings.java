package settings;

/**
 * The region of every AWS client, and the Glue and Athena clients' endpoint and keys ({@code aws.*}); empty
 * endpoint and keys on AWS: its own endpoints and the default credential chain.
 */
public record AwsSettings(String region, String endpoint, String accessKey, String secretKey) {

    public static AwsSettings read(Settings settings) {
        return new AwsSettings(settings.text("aws.region"), settings.text("aws.endpoint"), settings.text("aws.access-key"),
                settings.text("aws.secret-key"));
    }
}
