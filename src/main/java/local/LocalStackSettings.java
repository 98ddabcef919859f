package local;

import settings.Settings;

import java.nio.file.Path;

/**
 * The local stack's settings ({@code local.*}, and the names it creates: topics, bucket), read once at start-up
 * when {@code local.enabled} says the stack runs.
 */
record LocalStackSettings(Path dataDir, boolean reset, int kafkaPort, int partitions, int s3Port,
                          String accessKey, String secretKey, int awsPort, String region, String topic, String dlqTopic,
                          String bucket, String database) {

    /** The key every local run has unless told otherwise: the README prints it, so the log may too. */
    static final String DEVELOPMENT_SECRET = "local-secret";

    static LocalStackSettings read(Settings settings) {
        return new LocalStackSettings(Path.of(settings.text("local.data-dir")).toAbsolutePath().normalize(),
                settings.flag("local.reset"),
                settings.wholeNumber("local.kafka.port", 0),
                settings.wholeNumber("local.kafka.partitions", 1),
                settings.wholeNumber("local.s3.port", 0),
                settings.text("local.s3.access-key"),
                settings.text("local.s3.secret-key"),
                settings.wholeNumber("local.aws.port", 0),
                settings.text("aws.region"),
                settings.text("kafka.topic"),
                settings.text("kafka.dlq-topic"),
                settings.text("lake.bucket"),
                settings.text("glue.database"));
    }

    /** The secret as the log may show it: the development default, or nothing of a secret someone chose. */
    String shownSecret() {
        return secretKey.equals(DEVELOPMENT_SECRET) ? secretKey : "<local.s3.secret-key>";
    }
}
