package support;

import app.KafkaClientSecurity;
import lifecycle.PipelineRun;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A Camel context with some of the pipeline's routes, application.properties plus the test's own, started: the
 * one harness of the route tests. A test that runs finite jobs (the replay) waits for them with {@link #awaitJobs}.
 */
public final class PipelineContext implements AutoCloseable {

    public final CamelContext context = new DefaultCamelContext();
    public final ProducerTemplate template;
    private final CountDownLatch jobsDone = new CountDownLatch(1);
    private final PipelineRun run;

    /** What a test does to the routes before the context starts (e.g. AdviceWith). */
    @FunctionalInterface
    public interface BeforeStart {
        void accept(CamelContext context) throws Exception;
    }

    public PipelineContext(Map<String, String> properties, RoutesBuilder... routes) throws Exception {
        this(properties, Set.of(), context -> { }, routes);
    }

    public PipelineContext(Map<String, String> properties, BeforeStart beforeStart, RoutesBuilder... routes) throws Exception {
        this(properties, Set.of(), beforeStart, routes);
    }

    /** @param jobs the finite jobs the routes report on, as {@link PipelineRun} knows them (e.g. "replay") */
    public PipelineContext(Map<String, String> properties, Set<String> jobs, BeforeStart beforeStart,
                           RoutesBuilder... routes) throws Exception {
        Properties overrides = new Properties();
        // Camel Main starts the management server, a plain context does not: a test that serves over HTTP adds one
        overrides.put("camel.management.enabled", "false");
        overrides.putAll(properties);
        context.getPropertiesComponent().setLocation("classpath:application.properties");
        context.getPropertiesComponent().setOverrideProperties(overrides);
        run = new PipelineRun(jobs, false, jobsDone::countDown);
        context.getRegistry().bind(PipelineRun.BEAN, run);
        // as PipelineMain does: the Kafka clients sign in as the settings say (the test broker wants the local login)
        new KafkaClientSecurity().configure(context);
        for (RoutesBuilder route : routes) {
            context.addRoutes(route);
        }
        try {
            beforeStart.accept(context);
            context.start();
        } catch (Exception e) {
            context.stop();
            throw e;
        }
        template = context.createProducerTemplate();
    }

    /** Waits until every job reported done or one failed, and returns the exit code the run would have. */
    public int awaitJobs(Duration timeout) throws InterruptedException {
        if (!jobsDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the jobs did not finish within " + timeout);
        }
        return run.exitCode();
    }

    @Override
    public void close() {
        context.stop();
    }
}
