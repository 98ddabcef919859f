package app;

import lifecycle.PipelineRoutes;
import lifecycle.PipelineRun;
import local.LocalStack;
import routes.CrawlerRoute;
import routes.LakeSinkRoute;
import routes.ReplayRoute;
import routes.ReportRoute;
import settings.PipelineSettings;
import settings.Settings;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the pipeline: Camel Main with the routes, and the local stack when it is enabled. */
public final class PipelineMain {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineMain.class);

    private PipelineMain() {
    }

    public static void main(String[] args) {
        System.exit(run(Map.of(), args));
    }

    /**
     * Runs the pipeline until its work is done or it is stopped.
     *
     * @param overrides properties that win over application.properties (tests use them)
     * @return the process exit code: 0 when all work succeeded
     */
    public static int run(Map<String, Object> overrides, String... args) {
        Main main = new Main();
        main.setOverrideProperties(overrides);
        // before the routes are added: how every Kafka client of this process authenticates
        main.configure().addConfiguration(new KafkaClientSecurity());
        main.configure().addRoutesBuilder(new ReplayRoute());
        main.configure().addRoutesBuilder(new LakeSinkRoute());
        main.configure().addRoutesBuilder(new CrawlerRoute());
        main.configure().addRoutesBuilder(new ReportRoute());
        LocalStack localStack = new LocalStack();
        main.addMainListener(localStack);
        AtomicReference<PipelineRun> run = new AtomicReference<>();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                CamelContext context = configured.getCamelContext();
                PipelineSettings pipeline = PipelineSettings.read(new Settings(context));
                run.set(new PipelineRun(PipelineRoutes.finiteJobs(pipeline.routes()), pipeline.keepRunning(), main::completed));
                context.getRegistry().bind(PipelineRun.BEAN, run.get());
            }
        });
        try {
            int exit = main.run(args);
            return Math.max(exit, run.get().exitCode());
        } catch (Exception e) {
            LOG.error("covid-pipeline did not start: {}", rootCause(e).getMessage());
            main.stop();
            localStack.close();
            return 1;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
