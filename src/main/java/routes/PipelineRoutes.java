package routes;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The pipeline's routes a process runs, from {@code pipeline.routes}: a deployment gives each process its roles. */
public final class PipelineRoutes {

    public static final List<String> ALL = List.of("replay", "sink");

    private PipelineRoutes() {
    }

    public static Set<String> parse(String value) {
        Set<String> routes = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String route : routes) {
            if (!ALL.contains(route)) {
                throw new IllegalArgumentException("pipeline.routes: unknown route '" + route + "', expected some of " + ALL);
            }
        }
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("pipeline.routes names no route; expected some of " + ALL);
        }
        return routes;
    }

    /**
     * The routes whose work ends, so that the process can exit when all of it is done: the replay, and the
     * sink when it drains this process's own replay. A sink on its own runs until stopped.
     */
    public static Set<String> finiteJobs(Set<String> routes) {
        Set<String> jobs = new LinkedHashSet<>();
        if (routes.contains("replay")) {
            jobs.add("replay");
            if (routes.contains("sink")) {
                jobs.add("sink");
            }
        }
        return jobs;
    }
}
