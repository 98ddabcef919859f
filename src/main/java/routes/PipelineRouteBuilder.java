package routes;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.builder.endpoint.dsl.KafkaEndpointBuilderFactory.KafkaEndpointProducerBuilder;

/** What the pipeline's route builders share: reading settings, and how they produce to Kafka. */
abstract class PipelineRouteBuilder extends EndpointRouteBuilder {

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

    /**
     * Safe and fast: idempotent, every replica acknowledges, batched and compressed. A list body is sent
     * as one message per element, each keeping its own key and headers.
     */
    protected KafkaEndpointProducerBuilder producer(String topic) {
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
}
