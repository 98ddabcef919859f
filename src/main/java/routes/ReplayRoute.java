package routes;

import app.PipelineRun;
import replay.ReplayMessages;
import replay.ReplayProgress;
import replay.ReplaySource;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.LoggingLevel;

/**
 * CSV file → Kafka: replays the county file row by row as timed messages, one JSON message per valid row
 * on {@code kafka.topic}, each rejected row with its reason on {@code kafka.dlq-topic}.
 */
public class ReplayRoute extends PipelineRouteBuilder {

    @Override
    public void configure() {
        if (!runs("replay")) {
            return;
        }
        ReplaySource source = new ReplaySource(Path.of(setting("replay.file")),
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
}
