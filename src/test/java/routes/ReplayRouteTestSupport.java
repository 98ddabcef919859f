package routes;

import lifecycle.PipelineRun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import support.TestKafka;

/**
 * Runs the {@link ReplayRoute} with application.properties plus a test's own properties, against the
 * test broker, and lets the test wait for the replay to report its end.
 */
abstract class ReplayRouteTestSupport extends CamelTestSupport {

    protected final String topic = TestKafka.newTopic("counties");
    protected final String dlqTopic = TestKafka.newTopic("dlq");
    private final CountDownLatch finished = new CountDownLatch(1);
    private PipelineRun run;

    /** The test's replay.* settings. */
    protected abstract Properties replayProperties();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Properties properties = new Properties();
        properties.put("kafka.brokers", TestKafka.bootstrap());
        properties.put("kafka.topic", topic);
        properties.put("kafka.dlq-topic", dlqTopic);
        properties.putAll(replayProperties());
        context.getPropertiesComponent().setLocation("classpath:application.properties");
        context.getPropertiesComponent().setOverrideProperties(properties);
        run = new PipelineRun(Set.of("replay"), false, finished::countDown);
        context.getRegistry().bind(PipelineRun.BEAN, run);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new ReplayRoute();
    }

    /** Replay settings: the file, no row-rate cap, and the given event-time pace. */
    protected static Properties replaying(Path file, int secondsPerDay) {
        Properties p = new Properties();
        p.put("replay.file", file.toString());
        p.put("replay.rows-per-second", "0");
        p.put("replay.seconds-per-day", Integer.toString(secondsPerDay));
        return p;
    }

    /** Waits for the replay to end and returns its exit code. */
    protected int awaitReplay(Duration timeout) throws InterruptedException {
        if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("replay did not finish within " + timeout);
        }
        return run.exitCode();
    }
}
