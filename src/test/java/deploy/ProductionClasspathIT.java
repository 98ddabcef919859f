package deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import local.Directories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production artifact, as the image holds it: {@code target/covid-pipeline.jar} with {@code target/lib/}
 * and without {@code target/lib-local/}. It carries no development server, and it starts without one.
 * An integration test: it needs the packaged build.
 */
class ProductionClasspathIT {

    /** The local stack's servers and what only they bring: a Kafka broker (Scala), s3proxy (Jetty, jclouds), DuckDB. */
    private static final Pattern DEVELOPMENT_STACK = Pattern.compile(
            "(kafka_2\\.13|kafka-server|kafka-metadata|kafka-raft|kafka-storage|kafka-group-coordinator|"
            + "kafka-transaction-coordinator|scala-.*|s3proxy|jclouds.*|jetty-.*|zookeeper|duckdb_jdbc)-[0-9].*\\.jar");
    private static final Path TARGET = Path.of("target");

    private static Path image;

    /** The image's /app: the jar and lib/, linked rather than copied. */
    @BeforeAll
    static void layOutTheImage() throws IOException {
        image = Files.createTempDirectory(TARGET.toAbsolutePath(), "production-");
        Files.createLink(image.resolve("covid-pipeline.jar"), TARGET.resolve("covid-pipeline.jar").toAbsolutePath());
        Files.createDirectories(image.resolve("lib"));
        for (Path jar : jars(TARGET.resolve("lib"))) {
            Files.createLink(image.resolve("lib").resolve(jar.getFileName()), jar.toAbsolutePath());
        }
    }

    @AfterAll
    static void removeIt() {
        Directories.deleteTree(image);
    }

    @Test
    void theProductionLibHoldsNoDevelopmentServer() throws IOException {
        List<Path> production = jars(TARGET.resolve("lib"));
        List<Path> local = jars(TARGET.resolve("lib-local"));
        System.out.printf("production lib: %d jars, %.1f MB; the local run adds lib-local: %d jars, %.1f MB%n",
                production.size(), megabytes(production), local.size(), megabytes(local));
        assertThat(production).extracting(jar -> jar.getFileName().toString())
                .isNotEmpty()
                .noneMatch(name -> DEVELOPMENT_STACK.matcher(name).matches());
        assertThat(local).extracting(jar -> jar.getFileName().toString())
                .anyMatch(name -> name.startsWith("kafka_2.13-"))
                .anyMatch(name -> name.startsWith("s3proxy-"))
                .anyMatch(name -> name.startsWith("duckdb_jdbc-"));
    }

    @Test
    void theProductionBuildLoadsEverythingItNeedsWithoutTheLocalStack() throws Exception {
        // the aws profile gets as far as asking the AWS credential chain, which has nothing here
        String output = run("-Dcamel.main.profile=aws");
        assertThat(output).contains("no AWS credentials").doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
    }

    @Test
    void aLocalRunOfTheProductionBuildSaysWhatIsMissing() throws Exception {
        String output = run();
        assertThat(output).contains("local.enabled=true, but the local stack's jars (target/lib-local/) are not on the classpath")
                .doesNotContain("NoClassDefFoundError");
    }

    /** Runs {@code java -jar covid-pipeline.jar} in the image's folder; it must end with exit code 1 and say why. */
    private static String run(String... options) throws Exception {
        Path log = image.resolve("run.log");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dcamel.management.port=0"));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", "covid-pipeline.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(image.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.putAll(Map.of("HOME", image.toString(), "AWS_EC2_METADATA_DISABLED", "true",
                "KAFKA_BROKERS", "127.0.0.1:1", "LAKE_BUCKET", "covid-lake"));
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the run ended").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        return output;
    }

    private static List<Path> jars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static double megabytes(List<Path> jars) throws IOException {
        long bytes = 0;
        for (Path jar : jars) {
            bytes += Files.size(jar);
        }
        return bytes / 1e6;
    }
}
