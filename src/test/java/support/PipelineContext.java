package support;

import lifecycle.PipelineRun;

import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A Camel context with some of the pipeline's routes, application.properties plus the test's own, started. */
public final class PipelineContext implements AutoCloseable {

    public final CamelContext context = new DefaultCamelContext();
    public final ProducerTemplate template;

    /** What a test does to the routes before the context starts (e.g. AdviceWith). */
    @FunctionalInterface
    public interface BeforeStart {
        void accept(CamelContext context) throws Exception;
    }

    public PipelineContext(Map<String, String> properties, RoutesBuilder... routes) throws Exception {
        this(properties, context -> { }, routes);
    }

    public PipelineContext(Map<String, String> properties, BeforeStart beforeStart, RoutesBuilder... routes) throws Exception {
        Properties overrides = new Properties();
        overrides.putAll(properties);
        context.getPropertiesComponent().setLocation("classpath:application.properties");
        context.getPropertiesComponent().setOverrideProperties(overrides);
        context.getRegistry().bind(PipelineRun.BEAN, new PipelineRun(Set.of(), true, () -> { }));
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

    @Override
    public void close() {
        context.stop();
    }
}
