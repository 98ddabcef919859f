package settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import support.TestProperties;

/** Each step's settings: the shipped defaults read whole, and a bad value stops the read naming its property. */
class StepSettingsTest {

    @Test
    void theDefaultsReadWhole() {
        Settings defaults = settings();
        assertThat(PipelineSettings.read(defaults).routes()).containsExactly("replay", "sink", "crawler", "reports");
        assertThat(ReplaySettings.read(defaults)).isEqualTo(new ReplaySettings(
                Path.of("samples/us-counties-2023-first-days.csv"), "1", 0, 2, 50_000, Duration.ofSeconds(5)));
        assertThat(KafkaSettings.read(defaults).clientProperties())
                .containsEntry("bootstrap.servers", "127.0.0.1:9092").containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"local\" password=\"local-secret\";");
        assertThat(LakeSettings.read(defaults).encryption()).isEqualTo(LakeSettings.Encryption.NONE);
        assertThat(SinkSettings.read(defaults).flushInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(CatalogSettings.read(defaults).createIfMissing()).isTrue();
        assertThat(ReportSettings.read(defaults).schedule().interval()).isEqualTo(Duration.ofHours(1));
        assertThat(ReportPageSettings.read(defaults)).isEqualTo(new ReportPageSettings(10, 90, "/reports/",
                "http://127.0.0.1:9876/reports/"));
        assertThat(ReportPageSettings.read(settings("camel.management.enabled", "false")).served()).isFalse();
        // the aws profile's server listens on every interface: its address on this machine, not 0.0.0.0
        assertThat(ReportPageSettings.read(settings("camel.management.host", "0.0.0.0")).servedAt())
                .isEqualTo("http://localhost:9876/reports/");
    }

    @ParameterizedTest(name = "{1}={2}")
    @MethodSource("badValues")
    void aBadValueStopsTheReadNamingItsProperty(Function<Settings, ?> read, String key, String value, String message) {
        assertThatThrownBy(() -> read.apply(settings(key, value))).hasMessageStartingWith(message);
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad(ReplaySettings::read, "replay.batch-rows", "0", "replay.batch-rows must be >= 1, was 0"),
                bad(ReplaySettings::read, "replay.batch-rows", "many", "replay.batch-rows must be a number, was 'many'"),
                bad(ReplaySettings::read, "replay.seconds-per-day", "-1", "replay.seconds-per-day must be >= 0, was -1"),
                bad(ReplaySettings::read, "replay.run-id", "a/b", "replay.run-id must be letters, digits"),
                bad(KafkaSettings::read, "kafka.producer.linger-ms", "1.5", "kafka.producer.linger-ms must be a whole number, was '1.5'"),
                bad(KafkaSettings::read, "kafka.producer.compression", "brotli", "kafka.producer.compression must be one of"),
                bad(KafkaSettings::read, "kafka.security-protocol", "TLS", "kafka.security-protocol must be one of"),
                bad(SinkSettings::read, "lake.flush-interval", "x", "lake.flush-interval must be a duration such as 30s, 10m or 1h, was 'x'"),
                bad(SinkSettings::read, "lake.flush-rows", "0", "lake.flush-rows must be >= 1, was 0"),
                bad(SinkSettings::read, "lake.format", "csv", "lake.format must be parquet or jsonl.gz, was 'csv'"),
                bad(LakeSettings::read, "lake.s3.sse", "aes", "lake.s3.sse must be none, s3 or kms, was 'aes'"),
                bad(LakeSettings::read, "lake.s3.sse", "kms", "lake.s3.kms-key-id must name the KMS key when lake.s3.sse=kms"),
                bad(CatalogSettings::read, "glue.create-if-missing", "maybe", "glue.create-if-missing must be true or false, was 'maybe'"),
                bad(CatalogSettings::read, "glue.poll-interval", "-5s", "glue.poll-interval must be a duration"),
                bad(ReportSettings::read, "athena.max-attempts", "0", "athena.max-attempts must be >= 1, was 0"),
                bad(ReportSettings::read, "reports.schedule", "hourly", "reports.schedule must be an interval"),
                bad(ReportPageSettings::read, "reports.page.states", "0", "reports.page.states must be >= 1, was 0"),
                bad(ReportPageSettings::read, "reports.page.path", "reports", "reports.page.path must be a path such as /reports/"),
                bad(PipelineSettings::read, "local.keep-running", "yes", "local.keep-running must be true or false, was 'yes'"),
                bad(PipelineSettings::read, "pipeline.routes", "replay,lake", "pipeline.routes: unknown route 'lake'"));
    }

    private static Arguments bad(Function<Settings, ?> read, String key, String value, String message) {
        return Arguments.of(read, key, value, message);
    }

    private static Settings settings(String... keysAndValues) {
        return new Settings(TestProperties.context(keysAndValues));
    }
}
