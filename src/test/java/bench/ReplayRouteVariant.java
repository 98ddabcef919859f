package bench;

import app.PipelineRun;
import replay.ReplayChunk;
import replay.ReplayInputException;
import replay.ReplayMessages;
import replay.ReplayProgress;
import replay.ReplaySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.builder.endpoint.dsl.KafkaEndpointBuilderFactory.KafkaEndpointProducerBuilder;
import org.apache.camel.support.ExpressionAdapter;

/**
 * EXPERIMENT, not production code: variants of {@code routes.ReplayRoute} that the benchmark can measure next to
 * it ({@code bench/replay.sh --variant lambdas,pipelined}), to show what the changes proposed for the route are
 * worth before anyone makes them. Same properties, same producer settings, same messages.
 * <ul>
 *   <li>{@code lambdas}: the production route, with the {@code simple("${body.millisUntilDue}")} delay and the
 *   {@code simple("${body.hasRejections}")} filter written as Java. Camel's OGNL call on the body looks the
 *   body up in its bean-info cache, keyed by the body's {@code hashCode()}; {@link ReplayChunk} is a record, so
 *   that hashes every row of the chunk, twice per chunk, and the cache keeps the last chunks reachable.</li>
 *   <li>{@code pipelined}: {@code lambdas}, plus the Kafka sends on a second thread: the split reads, validates
 *   and encodes chunk N+1 while chunk N waits for its acknowledgements (at most {@value #MAX_IN_FLIGHT}
 *   chunks in flight), instead of reading nothing until every record of chunk N is acknowledged. One sending
 *   thread keeps the file's order per partition. A failed send stops the split and fails the job.</li>
 * </ul>
 */
public final class ReplayRouteVariant extends EndpointRouteBuilder {

    static final int MAX_IN_FLIGHT = 8;

    private final boolean pipelined;

    public ReplayRouteVariant(String name) {
        switch (name) {
            case "lambdas" -> pipelined = false;
            case "pipelined" -> pipelined = true;
            default -> throw new IllegalArgumentException("no route variant " + name + "; known: lambdas, pipelined");
        }
    }

    @Override
    public void configure() {
        ReplaySource source = new ReplaySource(Path.of(setting("replay.file")),
                Double.parseDouble(setting("replay.rows-per-second")),
                Double.parseDouble(setting("replay.seconds-per-day")),
                Integer.parseInt(setting("replay.batch-rows")));
        ReplayProgress progress = new ReplayProgress(Duration.ofSeconds(Long.parseLong(setting("replay.progress-seconds"))));

        // pipelined, a failed send surfaces in the split as an IllegalStateException: the job fails too
        onException(pipelined ? Exception.class : ReplayInputException.class)
                .handled(true)
                .log(LoggingLevel.ERROR, "${exception.message}")
                .bean(PipelineRun.BEAN, "jobFailed('replay')");

        if (!pipelined) {
            from(timer("replay").repeatCount(1).delay(0))
                    .routeId("replay")
                    .setBody(method(source, "open"))
                    .split(body()).streaming().stopOnException()
                        .delay(new MillisUntilDue()).syncDelayed()
                        .setVariable("rows", method(ReplayMessages.class, "rows"))
                        .toV(producer("{{kafka.topic}}").getRawUri(), "rows", "rowsSent")
                        .filter(ReplayRouteVariant::hasRejections)
                            .setVariable("rejections", method(ReplayMessages.class, "rejections"))
                            .toV(producer("{{kafka.dlq-topic}}").getRawUri(), "rejections", "rejectionsSent")
                        .end()
                        .bean(progress, "chunkSent")
                    .end()
                    .bean(progress, "finished")
                    .bean(PipelineRun.BEAN, "jobDone('replay')");
            return;
        }

        InFlight inFlight = new InFlight(MAX_IN_FLIGHT);
        // never more than MAX_IN_FLIGHT chunks waiting: the permits bound the queue
        String queue = "seda:replay-send?size=" + (MAX_IN_FLIGHT + 2) + "&blockWhenFull=true";

        from(timer("replay").repeatCount(1).delay(0))
                .routeId("replay")
                .setBody(method(source, "open"))
                .split(body()).streaming().stopOnException()
                    .delay(new MillisUntilDue()).syncDelayed().end() // delay is a block: end it here
                    .setVariable("rows", method(ReplayMessages.class, "rows"))
                    .process(exchange -> inFlight.acquire())
                    .to(queue)
                .end()
                .process(exchange -> inFlight.awaitAll())
                .bean(progress, "finished")
                .bean(PipelineRun.BEAN, "jobDone('replay')");

        from(queue)
                .routeId("replay-send")
                .doTry()
                    .toV(producer("{{kafka.topic}}").getRawUri(), "rows", "rowsSent")
                    .filter(ReplayRouteVariant::hasRejections)
                        .setVariable("rejections", method(ReplayMessages.class, "rejections"))
                        .toV(producer("{{kafka.dlq-topic}}").getRawUri(), "rejections", "rejectionsSent")
                    .endDoTry()
                    .bean(progress, "chunkSent")
                    .process(exchange -> inFlight.release(null))
                .doCatch(Exception.class)
                    .process(exchange -> inFlight.release(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                .end();
    }

    private static boolean hasRejections(Exchange exchange) {
        return exchange.getIn().getBody(ReplayChunk.class).hasRejections();
    }

    /** The delay before a chunk, without the OGNL call on the body. */
    private static final class MillisUntilDue extends ExpressionAdapter {
        @Override
        public Object evaluate(Exchange exchange) {
            return exchange.getIn().getBody(ReplayChunk.class).millisUntilDue();
        }
    }

    /** Chunks handed to the sending thread and not yet acknowledged; the first send failure. */
    static final class InFlight {
        private final int max;
        private final Semaphore permits;
        private volatile Exception failure;

        InFlight(int max) {
            this.max = max;
            this.permits = new Semaphore(max);
        }

        void acquire() throws InterruptedException {
            check();
            permits.acquire();
            check();
        }

        void release(Exception e) {
            if (e != null && failure == null) {
                failure = e;
            }
            permits.release();
        }

        void awaitAll() throws InterruptedException {
            if (!permits.tryAcquire(max, 10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("chunks still unacknowledged after 10 minutes");
            }
            permits.release(max);
            check();
        }

        private void check() {
            Exception e = failure;
            if (e != null) {
                throw new IllegalStateException("sending to Kafka failed: " + e.getMessage(), e);
            }
        }
    }

    /** As in ReplayRoute. */
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
