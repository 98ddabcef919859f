package routes;

import aws.AwsClients;
import health.KafkaReachable;
import health.LakeReachable;
import metrics.PipelineMetrics;
import scheduling.Schedule;
import settings.AwsSettings;
import settings.KafkaSettings;
import settings.LakeSettings;
import settings.PipelineSettings;
import settings.Settings;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.EndpointConsumerBuilder;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.builder.endpoint.dsl.KafkaEndpointBuilderFactory.KafkaEndpointProducerBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceSupport;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the pipeline's route builders share: their settings, schedules, Kafka producers, the lake's bucket,
 * metrics, and declaring what a route depends on (its readiness checks).
 */
abstract class PipelineRouteBuilder extends EndpointRouteBuilder {

    private static final String LAKE_S3_CLIENT = "lakeS3Client";
    private static final String OWN_HEADERS_TO_KAFKA = "ownHeadersToKafka";

    /** The settings reader; each route reads its step's settings with it once, at the top of configure(). */
    protected Settings settings() {
        return new Settings(getContext());
    }

    /** Whether this process runs the named route ({@code pipeline.routes}). */
    protected boolean runs(String route) {
        return PipelineSettings.read(settings()).runs(route);
    }

    /** A consumer that fires as the schedule says: every interval (first after one interval), or on a cron. */
    protected EndpointConsumerBuilder schedule(String name, Schedule schedule) {
        if (schedule.isCron()) {
            return quartz("covid-pipeline/" + name).cron(schedule.cron()).advanced().triggerParameters("timeZone", "UTC");
        }
        long millis = schedule.interval().toMillis();
        return timer(name).delay(millis).period(millis);
    }

    /**
     * Safe and fast: idempotent, every replica acknowledges, batched and compressed. A list body is sent
     * as one message per element, each keeping its own key and headers. How it authenticates is not said here:
     * the Kafka component's security, set once for the whole process before the routes are added, applies.
     */
    protected KafkaEndpointProducerBuilder producer(KafkaSettings kafka, String topic) {
        if (getContext().getRegistry().lookupByName(OWN_HEADERS_TO_KAFKA) == null) {
            bindToRegistry(OWN_HEADERS_TO_KAFKA, new OwnHeadersToKafka());
        }
        return kafka(topic)
                .brokers(kafka.brokers())
                .enableIdempotence(true)
                .requestRequiredAcks("all")
                .lingerMs(kafka.lingerMs())
                .producerBatchSize(kafka.batchBytes())
                .compressionCodec(kafka.compression())
                .batchWithIndividualHeaders(true)
                // by reference: the routes send to this endpoint by its URI, where an object would be lost
                .headerFilterStrategy("#" + OWN_HEADERS_TO_KAFKA)
                .advanced().recordMetadata(false).basic();
    }

    /** This route needs Kafka: the process is ready only while Kafka answers. */
    protected void dependsOnKafka(KafkaSettings kafka) {
        readiness(new KafkaReachable(kafka.clientProperties()));
    }

    /**
     * This route needs the lake's bucket: one S3 client for it per process, whichever routes use it, and the
     * process is ready only while the bucket answers.
     */
    protected S3Client dependsOnLake(AwsSettings aws, LakeSettings lake) {
        S3Client client = getContext().getRegistry().lookupByNameAndType(LAKE_S3_CLIENT, S3Client.class);
        if (client == null) {
            client = AwsClients.s3(lake.s3Endpoint(), aws.region(), lake.s3AccessKey(), lake.s3SecretKey(), lake.s3Timeout());
            bindToRegistry(LAKE_S3_CLIENT, client);
            closeOnStop(client);
        }
        readiness(new LakeReachable(client, lake.bucket(), lake.folders().tableFolder()));
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

    /** Registers the check once, whichever routes depend on what it checks. */
    private void readiness(HealthCheck check) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(getContext());
        if (registry != null && registry.getCheck(check.getId()).isEmpty()) {
            registry.register(check);
            if (check instanceof AutoCloseable closeable) {
                closeOnStop(closeable);
            }
        }
    }

    /**
     * The lake's bucket, through the client of {@link #dependsOnLake}, with the server-side encryption
     * {@code lake.s3.sse} asks for.
     */
    protected EndpointProducerBuilder lakeBucket(LakeSettings lake) {
        var bucket = aws2S3(lake.bucket()).advanced().amazonS3Client("#" + LAKE_S3_CLIENT);
        switch (lake.encryption()) {
            case NONE -> { }
            case S3 -> bucket.useSSES3(true);
            case KMS -> bucket.useAwsKMS(true).awsKMSKeyId(lake.kmsKeyId());
        }
        return bucket;
    }
}
