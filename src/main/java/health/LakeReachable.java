package health;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ready only while the lake answers: one listing of at most one key under the lake's prefix, which a policy
 * that allows listing only that prefix permits (HeadBucket would need the whole bucket).
 */
public final class LakeReachable extends AbstractHealthCheck {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public LakeReachable(S3Client s3, String bucket, String prefix) {
        super("covid-pipeline", "s3");
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).maxKeys(1));
            builder.detail("bucket", bucket).up();
        } catch (RuntimeException e) {
            builder.message("S3 bucket " + bucket + " is not reachable: " + e.getMessage()).down();
        }
    }
}
