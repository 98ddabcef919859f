package settings;

import lake.ObjectKeys;

import java.time.Duration;

/**
 * The lake's bucket and how to reach it ({@code lake.bucket}, {@code lake.prefix}, {@code lake.s3.*} but the
 * sink's retries): endpoint and keys (empty on AWS: its own endpoint and the default credential chain), the
 * longest one call may take, and the server-side encryption of what the pipeline stores there.
 */
public record LakeSettings(String bucket, String prefix, String s3Endpoint, String s3AccessKey, String s3SecretKey,
                           Duration s3Timeout, Encryption encryption, String kmsKeyId) {

    /** {@code lake.s3.sse}: none, SSE-S3, or SSE-KMS with {@code lake.s3.kms-key-id}. */
    public enum Encryption { NONE, S3, KMS }

    public static LakeSettings read(Settings settings) {
        String sse = settings.text("lake.s3.sse");
        Encryption encryption = switch (sse.strip()) {
            case "none" -> Encryption.NONE;
            case "s3" -> Encryption.S3;
            case "kms" -> Encryption.KMS;
            default -> throw new IllegalArgumentException("lake.s3.sse must be none, s3 or kms, was '" + sse + "'");
        };
        String kmsKeyId = settings.text("lake.s3.kms-key-id");
        if (encryption == Encryption.KMS && kmsKeyId.isBlank()) {
            throw new IllegalArgumentException("lake.s3.kms-key-id must name the KMS key when lake.s3.sse=kms");
        }
        return new LakeSettings(settings.text("lake.bucket"), settings.text("lake.prefix"), settings.text("lake.s3.endpoint"),
                settings.text("lake.s3.access-key"), settings.text("lake.s3.secret-key"), settings.duration("lake.s3.timeout"),
                encryption, kmsKeyId);
    }

    /** The lake's root and table folders; they name no object, so no topic. */
    public ObjectKeys folders() {
        return new ObjectKeys(prefix, "");
    }
}
