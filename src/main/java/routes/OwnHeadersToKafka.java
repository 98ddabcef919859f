package routes;

import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * What the pipeline's producers put on a record as Kafka headers: the message's own headers (source line, replay
 * identity, dead-letter reason), none of Camel's or the Kafka component's. The rule of Camel's Kafka default,
 * without the lower-casing and pattern matching it does for every header of every record: about a seventh of the
 * replay thread's samples in a profile.
 */
final class OwnHeadersToKafka implements HeaderFilterStrategy {

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName.startsWith("Camel") || headerName.startsWith("camel") || headerName.startsWith("kafka.")
                || headerName.startsWith("org.apache.camel.");
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return false;
    }
}
