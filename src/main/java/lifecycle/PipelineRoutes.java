package lifecycle;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The pipeline's routes a process runs, from {@code pipeline.routes}: a deployment gives each process its roles. */
public final class PipelineRoutes {

    public static final List<String> ALL = List.of("replay", "sink", "crawler", "reports");

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
     * The routes whose work ends, so that the process can exit when all of it is done: the replay; the sink
     * when it drains this process's own replay; then one crawl of that lake, and the reports after it. Each
     * is finite only after a finite step before it: a sink, crawler or reports process runs until stopped.
     */
    public static Set<String> finiteJobs(Set<String> routes) {
        Set<String> jobs = new LinkedHashSet<>();
        for (String route : ALL) {
            if (!routes.contains(route)) {
                break;
            }
            jobs.add(route);
        }
        return jobs;
    }
}
