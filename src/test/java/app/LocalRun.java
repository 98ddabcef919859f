package app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import local.LoopbackPorts;

/**
 * The default run as a test (or the Trino check, building its lake) starts it: the local stack in the given data
 * dir, every port a free one.
 */
public final class LocalRun {

    private LocalRun() {
    }

    /** Runs it to its end and returns the exit code; {@code extra} (key, value, ...) wins. */
    public static int run(Path dataDir, String... extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "local.data-dir", dataDir.toString(),
                "local.kafka.port", Integer.toString(LoopbackPorts.free()),
                "local.s3.port", Integer.toString(LoopbackPorts.free()),
                "local.aws.port", Integer.toString(LoopbackPorts.free()),
                "camel.management.port", "0"));
        for (int i = 0; i < extra.length; i += 2) {
            properties.put(extra[i], extra[i + 1]);
        }
        return PipelineMain.run(properties);
    }
}
