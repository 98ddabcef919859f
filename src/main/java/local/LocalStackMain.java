package local;

import java.util.Map;

import org.apache.camel.main.Main;

/**
 * Only the local stack, with no routes, until stopped: for trying other tools against it, and for running
 * the pipeline in other processes with {@code local.enabled=false}. Settings as for the pipeline
 * ({@code -Dlocal.data-dir=...}, {@code -Dlocal.reset=false} to keep what an earlier stack stored).
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        // the pipeline's processes serve health and metrics on the management port, not the stack
        main.setOverrideProperties(Map.of("camel.management.enabled", "false"));
        LocalStack stack = new LocalStack();
        main.addMainListener(stack);
        try {
            main.run(args);
        } finally {
            stack.close();
        }
    }
}
