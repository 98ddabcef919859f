package support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import routes.ReplayRoute;

/** The replay route on its own against the test broker, each test with topics of its own, run to its end. */
public final class TestReplay {

    public final String topic = TestKafka.newTopic("counties");
    public final String dlqTopic = TestKafka.newTopic("dlq");

    /** Replays the file, unthrottled but at the given event-time pace, and returns the run's exit code. */
    public int replay(Path file, int secondsPerDay) throws Exception {
        Map<String, String> properties = Map.of(
                "kafka.brokers", TestKafka.bootstrap(),
                "kafka.topic", topic,
                "kafka.dlq-topic", dlqTopic,
                "replay.file", file.toString(),
                "replay.rows-per-second", "0",
                "replay.seconds-per-day", Integer.toString(secondsPerDay));
        try (PipelineContext replay = new PipelineContext(properties, Set.of("replay"), context -> { }, new ReplayRoute())) {
            return replay.awaitJobs(Duration.ofSeconds(60));
        }
    }
}
