package settings;

import scheduling.Schedule;

import java.time.Duration;

/**
 * The Athena reports ({@code reports.*}, {@code athena.*}): which queries, when they run, where their results
 * go, and how long and how often a query is waited for and tried.
 */
public record ReportSettings(String queries, Schedule schedule, String prefix, int rowsShown, String database,
                             String workgroup, String outputLocation, Duration waitTimeout, Duration pollInterval,
                             int maxAttempts) {

    public static ReportSettings read(Settings settings) {
        return new ReportSettings(settings.text("reports.queries"),
                Schedule.parse("reports.schedule", settings.text("reports.schedule")),
                settings.text("reports.prefix"),
                settings.wholeNumber("reports.rows-shown", 0),
                settings.text("athena.database"),
                settings.text("athena.workgroup"),
                settings.text("athena.output-location"),
                settings.duration("athena.wait-timeout"),
                settings.duration("athena.poll-interval"),
                settings.wholeNumber("athena.max-attempts", 1));
    }
}
