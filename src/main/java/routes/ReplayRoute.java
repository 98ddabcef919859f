package routes;

import lifecycle.PipelineRun;
import replay.ReplayHistory;
import replay.ReplayMessages;
import replay.ReplayProgress;
import replay.ReplaySource;
import settings.KafkaSettings;
import settings.ReplaySettings;
import settings.Settings;

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
        Settings settings = settings();
        KafkaSettings kafka = KafkaSettings.read(settings);
        ReplaySettings replay = ReplaySettings.read(settings);
        dependsOnKafka(kafka);

        ReplayHistory history = new ReplayHistory(kafka.clientProperties(), List.of(kafka.topic(), kafka.dlqTopic()),
                Duration.ofMinutes(1));
        ReplaySource source = new ReplaySource(replay.file(), replay.runId(), history, replay.rowsPerSecond(),
                replay.secondsPerDay(), replay.batchRows());
        ReplayProgress progress = new ReplayProgress(replay.progressInterval(), pipelineMetrics());

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
                        .toV(producer(kafka, kafka.topic()).getRawUri(), "rows", "rowsSent")
                    .end()
                    .filter(simple("${body.hasRejections}"))
                        .setVariable("rejections", method(ReplayMessages.class, "rejections"))
                        .toV(producer(kafka, kafka.dlqTopic()).getRawUri(), "rejections", "rejectionsSent")
                    .end()
                    .bean(progress, "chunkSent")
                .end()
                .bean(progress, "finished")
                .bean(PipelineRun.BEAN, "jobDone('replay')");
    }
}
