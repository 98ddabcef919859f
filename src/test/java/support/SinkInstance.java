package support;

import java.util.Map;

import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import routes.LakeSinkRoute;

/**
 * One lake sink process: a Camel context with the {@link LakeSinkRoute} and application.properties plus
 * the test's own, against the test broker and a test S3 server. Several can run at once, as replicas do.
 */
public final class SinkInstance implements AutoCloseable {

    private final PipelineContext pipeline;

    public SinkInstance(Map<String, String> properties) throws Exception {
        this(properties, null);
    }

    /** @param beforeCommit runs after a batch's objects are stored and before its offsets are committed */
    public SinkInstance(Map<String, String> properties, Processor beforeCommit) throws Exception {
        this(properties, "commit-offsets", beforeCommit);
    }

    /** @param hook runs before the route's step {@code node} ("upload-deadline", "commit-offsets") */
    public SinkInstance(Map<String, String> properties, String node, Processor hook) throws Exception {
        pipeline = new PipelineContext(properties, context -> {
            if (hook != null) {
                AdviceWith.adviceWith(context, "lake-sink", a -> a.weaveById(node).before().process(hook));
            }
        }, new LakeSinkRoute());
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
