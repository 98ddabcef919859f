package health;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready only while the lake's bucket answers (reachable, and these credentials may see it). */
public final class LakeReachable extends AbstractHealthCheck {

    private final S3Client s3;
    private final String bucket;

    public LakeReachable(S3Client s3, String bucket) {
        super("covid-pipeline", "s3");
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            builder.detail("bucket", bucket).up();
        } catch (RuntimeException e) {
            builder.message("S3 bucket " + bucket + " is not reachable: " + e.getMessage()).down();
        }
    }
}
