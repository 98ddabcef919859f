package routes;

import app.PipelineRun;
import replay.ReplayInputException;
import replay.ReplayMessages;
import replay.ReplayProgress;
import replay.ReplaySource;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.builder.endpoint.dsl.KafkaEndpointBuilderFactory.KafkaEndpointProducerBuilder;

/**
 * CSV file → Kafka: replays the county file row by row as timed messages, one JSON message per valid row
 * on {@code kafka.topic}, each rejected row with its reason on {@code kafka.dlq-topic}.
 */
public class ReplayRoute extends EndpointRouteBuilder {

    @Override
    public void configure() {
        ReplaySource source = new ReplaySource(Path.of(setting("replay.file")),
                Double.parseDouble(setting("replay.rows-per-second")),
                Double.parseDouble(setting("replay.seconds-per-day")),
                Integer.parseInt(setting("replay.batch-rows")));
        ReplayProgress progress = new ReplayProgress(Duration.ofSeconds(Long.parseLong(setting("replay.progress-seconds"))));

        onException(ReplayInputException.class)
                .handled(true)
                .log(LoggingLevel.ERROR, "${exception.message}")
                .bean(PipelineRun.BEAN, "jobFailed('replay')");

        from(timer("replay").repeatCount(1).delay(0))
                .routeId("replay")
                .setBody(method(source, "open"))
                .split(body()).streaming().stopOnException()
                    .delay(simple("${body.millisUntilDue}")).syncDelayed()
                    .setVariable("rows", method(ReplayMessages.class, "rows"))
                    .toV(producer("{{kafka.topic}}").getRawUri(), "rows", "rowsSent")
                    .filter(simple("${body.hasRejections}"))
                        .setVariable("rejections", method(ReplayMessages.class, "rejections"))
                        .toV(producer("{{kafka.dlq-topic}}").getRawUri(), "rejections", "rejectionsSent")
                    .end()
                    .bean(progress, "chunkSent")
                .end()
                .bean(progress, "finished")
                .bean(PipelineRun.BEAN, "jobDone('replay')");
    }

    /**
     * Safe and fast: idempotent, every replica acknowledges, batched and compressed. Each message of a chunk
     * keeps its own key and headers.
     */
    private KafkaEndpointProducerBuilder producer(String topic) {
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

    private String setting(String key) {
        return getContext().resolvePropertyPlaceholders("{{" + key + "}}");
    }
}
