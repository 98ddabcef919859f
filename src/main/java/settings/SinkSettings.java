package settings;

import lake.RecordFormat;

import java.time.Duration;

/**
 * How the lake sink drains the topic ({@code lake.*} but the bucket's own): the objects' format, when a batch
 * is stored, its consumer group, how often a failed upload is retried, how many objects go up at once, and
 * whether it registers new {@code dt=} partitions in the Glue catalog itself.
 */
public record SinkSettings(RecordFormat format, int flushRows, Duration flushInterval, String groupId, Duration pollTimeout,
                           Duration sessionTimeout, Duration maxPollInterval, int s3Retries, int uploadThreads,
                           boolean registerPartitions) {

    public static SinkSettings read(Settings settings) {
        return new SinkSettings(RecordFormat.named(settings.text("lake.format")),
                settings.wholeNumber("lake.flush-rows", 1),
                settings.duration("lake.flush-interval"),
                settings.text("lake.group-id"),
                Duration.ofMillis(settings.wholeNumber("lake.poll-timeout-ms", 0)),
                settings.duration("lake.session-timeout"),
                settings.duration("lake.max-poll-interval"),
                settings.wholeNumber("lake.s3.retries", 0),
                settings.wholeNumber("lake.upload-threads", 1),
                settings.flag("lake.register-partitions"));
    }
}
