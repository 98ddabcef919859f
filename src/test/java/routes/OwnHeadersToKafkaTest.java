package routes;

import static org.assertj.core.api.Assertions.assertThat;

import security.KafkaSecurity;
import settings.KafkaSettings;

import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class OwnHeadersToKafkaTest {

    private final OwnHeadersToKafka filter = new OwnHeadersToKafka();

    @Test
    void sendsTheMessagesOwnHeadersAndNoneOfCamelsOrTheKafkaComponents() {
        assertThat(filter.applyFilterToCamelHeaders("source.line", "2", null)).isFalse();
        assertThat(filter.applyFilterToCamelHeaders("dlq.reason", "bad", null)).isFalse();
        assertThat(filter.applyFilterToCamelHeaders("CamelSplitIndex", 1, null)).isTrue();
        assertThat(filter.applyFilterToCamelHeaders("kafka.KEY", "k", null)).isTrue();
        assertThat(filter.applyFilterToCamelHeaders("org.apache.camel.Foo", "x", null)).isTrue();
    }

    /** The routes send to the producer by its URI: the strategy must survive that, not only the builder. */
    @Test
    void theProducersUriCarriesIt() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            PipelineRouteBuilder routes = new PipelineRouteBuilder() {
                @Override
                public void configure() {
                    KafkaSettings kafka = new KafkaSettings("127.0.0.1:1", "t", "t.dlq", 5, 262144, "lz4",
                            new KafkaSecurity("PLAINTEXT", "", ""));
                    KafkaEndpoint endpoint = getContext().getEndpoint(producer(kafka, "t").getRawUri(), KafkaEndpoint.class);
                    assertThat(endpoint.getConfiguration().getHeaderFilterStrategy()).isInstanceOf(OwnHeadersToKafka.class);
                }
            };
            context.addRoutes(routes);
        }
    }
}
