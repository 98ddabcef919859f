package routes;

import aws.AwsClients;
import health.KafkaReachable;
import health.LakeReachable;
import security.KafkaSecurity;
import lake.ObjectKeys;
import lifecycle.PipelineRoutes;
import metrics.PipelineMetrics;
import scheduling.Schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.EndpointConsumerBuilder;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.builder.endpoint.dsl.KafkaEndpointBuilderFactory.KafkaEndpointProducerBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.TimeUtils;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the pipeline's route builders share: reading settings, schedules, Kafka's security and producers, the
 * lake's bucket, metrics, and the readiness checks of what a route depends on.
 */
abstract class PipelineRouteBuilder extends EndpointRouteBuilder {

    private static final String LAKE_S3_CLIENT = "lakeS3Client";

    /** Whether this process runs the named route ({@code pipeline.routes}). */
    protected boolean runs(String route) {
        return PipelineRoutes.parse(setting("pipeline.routes")).contains(route);
    }

    /** A property's value, placeholders resolved. */
    protected String setting(String key) {
        return getContext().resolvePropertyPlaceholders("{{" + key + "}}");
    }

    /** A numeric property's value; a value that is not a number stops start-up with a line naming the property. */
    protected double number(String key) {
        String value = setting(key);
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, was '" + value + "'");
        }
    }

    /** A duration property ({@code 30s}, {@code 10m}, {@code 1h30m}, or milliseconds). */
    protected Duration duration(String key) {
        String value = setting(key);
        try {
            return Duration.ofMillis(TimeUtils.toMilliSeconds(value.strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 30s, 10m or 1h, was '" + value + "'");
        }
    }

    protected boolean flag(String key) {
        String value = setting(key).strip();
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** A consumer that fires as the property says: every interval (first after one interval), or on a cron. */
    protected EndpointConsumerBuilder schedule(String name, String key) {
        Schedule schedule = Schedule.parse(key, setting(key));
        if (schedule.isCron()) {
            return quartz("covid-pipeline/" + name).cron(schedule.cron()).advanced().triggerParameters("timeZone", "UTC");
        }
        long millis = schedule.interval().toMillis();
        return timer(name).delay(millis).period(millis);
    }

    /**
     * Safe and fast: idempotent, every replica acknowledges, batched and compressed. A list body is sent
     * as one message per element, each keeping its own key and headers.
     */
    protected KafkaEndpointProducerBuilder producer(String topic) {
        kafkaSecurity();
        return kafka(topic)
                .brokers("{{kafka.brokers}}")
                .enableIdempotence(true)
                .requestRequiredAcks("all")
                .lingerMs("{{kafka.producer.linger-ms}}")
                .producerBatchSize("{{kafka.producer.batch-bytes}}")
                .compressionCodec("{{kafka.producer.compression}}")
                .batchWithIndividualHeaders(true)
                .advanced().recordMetadata(false).basic();
    }

    /**
     * Sets how every Kafka client of this process authenticates, on the Kafka component rather than in
     * endpoint URIs, so that a login never shows in a logged URI; and makes the process ready only while
     * Kafka answers.
     */
    protected KafkaSecurity kafkaSecurity() {
        KafkaSecurity security = new KafkaSecurity(setting("kafka.security-protocol"), setting("kafka.sasl-mechanism"),
                setting("kafka.sasl-jaas-config"));
        KafkaConfiguration kafka = getContext().getComponent("kafka", KafkaComponent.class).getConfiguration();
        kafka.setSecurityProtocol(security.protocol());
        if (security.sasl()) {
            kafka.setSaslMechanism(security.mechanism());
            kafka.setSaslJaasConfig(security.login());
        }
        kafka.setAdditionalProperties(new HashMap<>(security.extraProperties()));
        readiness(new KafkaReachable(security.clientProperties(setting("kafka.brokers"))));
        return security;
    }

    /** The S3 client of the lake's bucket, one per process whichever routes use it; ready only while it answers. */
    protected S3Client lakeS3Client() {
        S3Client client = getContext().getRegistry().lookupByNameAndType(LAKE_S3_CLIENT, S3Client.class);
        if (client == null) {
            client = AwsClients.s3(setting("lake.s3.endpoint"), setting("aws.region"),
                    setting("lake.s3.access-key"), setting("lake.s3.secret-key"));
            bindToRegistry(LAKE_S3_CLIENT, client);
            closeOnStop(client);
            readiness(new LakeReachable(client, setting("lake.bucket"), new ObjectKeys(setting("lake.prefix"), "").tableFolder()));
        }
        return client;
    }

    /** The pipeline's metrics, in Camel's Prometheus registry when metrics are on (else kept in memory). */
    protected PipelineMetrics pipelineMetrics() {
        PipelineMetrics metrics = getContext().getRegistry().lookupByNameAndType(PipelineMetrics.BEAN, PipelineMetrics.class);
        if (metrics == null) {
            MeterRegistry registry = getContext().getRegistry().findSingleByType(MeterRegistry.class);
            metrics = new PipelineMetrics(registry != null ? registry : new SimpleMeterRegistry(), Clock.systemUTC());
            bindToRegistry(PipelineMetrics.BEAN, metrics);
        }
        return metrics;
    }

    /** Closes an AWS client when Camel stops: the registry does not. */
    protected void closeOnStop(AutoCloseable client) {
        try {
            getContext().addService(new ServiceSupport() {
                @Override
                protected void doStop() throws Exception {
                    client.close();
                }
            });
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
    }

    private void readiness(HealthCheck check) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getContext());
        if (registry != null && registry.getCheck(check.getId()).isEmpty()) {
            registry.register(check);
            if (check instanceof AutoCloseable closeable) {
                closeOnStop(closeable);
            }
        }
    }

    /** The lake's bucket, with server-side encryption as {@code lake.s3.sse} asks: none, s3 (SSE-S3) or kms (SSE-KMS). */
    protected EndpointProducerBuilder lakeBucket() {
        lakeS3Client();
        var bucket = aws2S3("{{lake.bucket}}").advanced().amazonS3Client("#" + LAKE_S3_CLIENT);
        switch (setting("lake.s3.sse").strip()) {
            case "none" -> { }
            case "s3" -> bucket.useSSES3(true);
            case "kms" -> {
                if (setting("lake.s3.kms-key-id").isBlank()) {
                    throw new IllegalArgumentException("lake.s3.kms-key-id must name the KMS key when lake.s3.sse=kms");
                }
                bucket.useAwsKMS(true).awsKMSKeyId("{{lake.s3.kms-key-id}}");
            }
            default -> throw new IllegalArgumentException("lake.s3.sse must be none, s3 or kms, was '" + setting("lake.s3.sse") + "'");
        }
        return bucket;
    }
}
