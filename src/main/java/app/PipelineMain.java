package app;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import local.LocalStack;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import routes.ReplayRoute;

/** Starts the pipeline: Camel Main with the routes, and the local stack when it is enabled. */
public final class PipelineMain {

    private PipelineMain() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        AtomicReference<PipelineRun> run = new AtomicReference<>();
        main.configure().addRoutesBuilder(new ReplayRoute());
        main.addMainListener(new LocalStack());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                boolean keepRunning = Boolean.parseBoolean(
                        configured.getCamelContext().resolvePropertyPlaceholders("{{local.keep-running}}"));
                run.set(new PipelineRun(Set.of("replay"), keepRunning, main::completed));
                configured.getCamelContext().getRegistry().bind(PipelineRun.BEAN, run.get());
            }
        });
        int exit = main.run(args);
        System.exit(run.get() == null ? Math.max(exit, 1) : Math.max(exit, run.get().exitCode()));
    }
}
