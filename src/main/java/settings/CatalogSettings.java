package settings;

import scheduling.Schedule;

import java.time.Duration;

/**
 * The Glue crawler that catalogues the lake ({@code glue.*}): which one, when it runs (on a schedule, and soon
 * after new {@code dt=} folders appear), how long a crawl may take, and whether the pipeline may create it.
 */
public record CatalogSettings(String crawlerName, String database, Schedule schedule, boolean createIfMissing,
                              String crawlerRoleArn, Duration crawlTimeout, Duration pollInterval,
                              Duration newPartitionCheck, Duration newPartitionQuiet, Duration newPartitionMaxWait) {

    public static CatalogSettings read(Settings settings) {
        return new CatalogSettings(settings.text("glue.crawler-name"), settings.text("glue.database"),
                Schedule.parse("glue.crawler-schedule", settings.text("glue.crawler-schedule")),
                settings.flag("glue.create-if-missing"),
                settings.text("glue.crawler-role-arn"),
                settings.duration("glue.crawl-timeout"),
                settings.duration("glue.poll-interval"),
                settings.duration("glue.new-partition-check"),
                settings.duration("glue.new-partition-quiet"),
                settings.duration("glue.new-partition-max-wait"));
    }
}
