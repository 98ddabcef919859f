package settings;

/**
 * The report page ({@code reports.page.*}): how much it charts, and where the process serves the latest one. It is
 * served on the management server ({@code camel.management.*}), the one HTTP server the process has, so it is open
 * where that server is (loopback in the local run); without that server the page is in the bucket only.
 *
 * @param servedAt the page's address while the process runs; null when it is not served
 */
public record ReportPageSettings(int states, int days, String path, String servedAt) {

    public static ReportPageSettings read(Settings settings) {
        String path = settings.text("reports.page.path").strip();
        if (!path.matches("/[A-Za-z0-9/_.-]*")) {
            throw new IllegalArgumentException("reports.page.path must be a path such as /reports/, was '" + path + "'");
        }
        String servedAt = settings.flag("camel.management.enabled")
                ? "http://" + reachable(settings.text("camel.management.host").strip()) + ":"
                  + settings.wholeNumber("camel.management.port", 0) + path
                : null;
        return new ReportPageSettings(settings.wholeNumber("reports.page.states", 1),
                settings.wholeNumber("reports.page.days", 1), path, servedAt);
    }

    /** A server bound to every interface (the aws profile's 0.0.0.0) is reached on this machine as localhost. */
    private static String reachable(String host) {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "localhost" : host;
    }

    public boolean served() {
        return servedAt != null;
    }
}
