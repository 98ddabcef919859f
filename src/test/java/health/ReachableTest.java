package health;

import static org.assertj.core.api.Assertions.assertThat;

import aws.AwsClients;

import java.util.Map;

import local.LoopbackPorts;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import support.TestKafka;
import support.TestLake;

/** The readiness checks against the real broker and S3 server, and against ports where nothing listens. */
class ReachableTest {

    @Test
    void kafkaIsReadyWhileTheBrokerAnswers() {
        try (KafkaReachable up = new KafkaReachable(TestKafka.clientConfig());
             KafkaReachable nowhere = new KafkaReachable(Map.of("bootstrap.servers", "127.0.0.1:" + LoopbackPorts.free()))) {
            assertThat(up.call().getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(up.call().getState()).as("the second probe, on the same client").isEqualTo(HealthCheck.State.UP);
            HealthCheck.Result down = nowhere.call();
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Kafka is not reachable"));
        }
    }

    @Test
    void theLakeIsReadyWhileItsBucketAnswers() throws Exception {
        try (TestLake lake = new TestLake();
             S3Client s3 = AwsClients.s3(lake.sinkProperties().get("lake.s3.endpoint"), "us-east-1", "key", "secret");
             S3Client nowhere = AwsClients.s3("http://127.0.0.1:" + LoopbackPorts.free(), "us-east-1", "key", "secret")) {
            assertThat(new LakeReachable(s3, TestLake.BUCKET, "lake/us_counties/").call().getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(new LakeReachable(s3, "no-such-bucket", "lake/us_counties/").call().getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(new LakeReachable(nowhere, TestLake.BUCKET, "lake/us_counties/").call().getState()).isEqualTo(HealthCheck.State.DOWN);
        }
    }
}
