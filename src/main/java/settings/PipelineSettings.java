package settings;

import lifecycle.PipelineRoutes;

import java.util.Set;

/**
 * What this process does: the routes it runs ({@code pipeline.routes}), and whether it stays up when their work
 * is done ({@code local.keep-running}).
 */
public record PipelineSettings(Set<String> routes, boolean keepRunning) {

    public static PipelineSettings read(Settings settings) {
        return new PipelineSettings(PipelineRoutes.parse(settings.text("pipeline.routes")), settings.flag("local.keep-running"));
    }

    public boolean runs(String route) {
        return routes.contains(route);
    }
}
