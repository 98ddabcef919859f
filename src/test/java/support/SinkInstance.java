package support;

import app.PipelineRun;

import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.impl.DefaultCamelContext;
import routes.LakeSinkRoute;

/**
 * One lake sink process: a Camel context with the {@link LakeSinkRoute} and application.properties plus
 * the test's own, against the test broker and a test S3 server. Several can run at once, as replicas do.
 */
public final class SinkInstance implements AutoCloseable {

    private final CamelContext context = new DefaultCamelContext();

    public SinkInstance(Map<String, String> properties) throws Exception {
        this(properties, null);
    }

    /** @param beforeCommit runs after a batch's objects are stored and before its offsets are committed */
    public SinkInstance(Map<String, String> properties, Processor beforeCommit) throws Exception {
        Properties overrides = new Properties();
        overrides.putAll(properties);
        context.getPropertiesComponent().setLocation("classpath:application.properties");
        context.getPropertiesComponent().setOverrideProperties(overrides);
        context.getRegistry().bind(PipelineRun.BEAN, new PipelineRun(Set.of(), true, () -> { }));
        context.addRoutes(new LakeSinkRoute());
        if (beforeCommit != null) {
            AdviceWith.adviceWith(context, "lake-sink", a -> a.weaveById("commit-offsets").before().process(beforeCommit));
        }
        context.start();
    }

    @Override
    public void close() {
        context.stop();
    }
}
