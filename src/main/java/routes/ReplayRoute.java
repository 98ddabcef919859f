package routes;

import lifecycle.PipelineRun;
import replay.ReplayHistory;
import replay.ReplayMessages;
import replay.ReplayProgress;
import replay.ReplaySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.LoggingLevel;

/**
 * CSV file → Kafka: replays the county file row by row as timed messages, one JSON message per valid row
 * on {@code kafka.topic}, each rejected row with its reason on {@code kafka.dlq-topic}. A replay restarted
 * on the same file goes on after the lines the topics hold already, so each line is sent exactly once.
 */
public class ReplayRoute extends PipelineRouteBuilder {

    @Override
    public void configure() {
        if (!runs("replay")) {
            return;
        }
        ReplayHistory history = new ReplayHistory(kafkaSecurity().clientProperties(setting("kafka.brokers")),
                List.of(setting("kafka.topic"), setting("kafka.dlq-topic")), Duration.ofMinutes(1));
        ReplaySource source = new ReplaySource(Path.of(setting("replay.file")), setting("replay.run-id"), history,
                number("replay.rows-per-second"),
                number("replay.seconds-per-day"),
                (int) number("replay.batch-rows"));
        ReplayProgress progress = new ReplayProgress(Duration.ofMillis((long) (number("replay.progress-seconds") * 1000)), pipelineMetrics());

        // one line, no stack trace: a missing file or column says which (ReplayInputException), anything else what broke
        onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.ERROR, "replay failed: ${exception.message}")
                .bean(PipelineRun.BEAN, "jobFailed('replay')");

        from(timer("replay").repeatCount(1).delay(0))
                .routeId("replay")
                .setBody(method(source, "open"))
                .split(body()).streaming().stopOnException()
                    .delay(simple("${body.millisUntilDue}")).syncDelayed()
                    // one chunk after the other: the next one's messages say that this one is acknowledged
                    .filter(simple("${body.hasRows}"))
                        .setVariable("rows", method(ReplayMessages.class, "rows"))
                        .toV(producer("{{kafka.topic}}").getRawUri(), "rows", "rowsSent")
                    .end()
                    .filter(simple("${body.hasRejections}"))
                        .setVariable("rejections", method(ReplayMessages.class, "rejections"))
                        .toV(producer("{{kafka.dlq-topic}}").getRawUri(), "rejections", "rejectionsSent")
                    .end()
                    .bean(progress, "chunkSent")
                .end()
                .bean(progress, "finished")
                .bean(PipelineRun.BEAN, "jobDone('replay')");
    }
}
