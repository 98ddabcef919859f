package local;

import java.nio.file.Path;
import java.time.Duration;

import aws.AwsClients;
import local.aws.AwsEmulator;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The stand-ins for the cloud when {@code local.enabled=true}: a Kafka broker, an S3 server and a Glue/Athena
 * emulator in this process, started before the routes and stopped after them. Nothing else in the pipeline
 * knows they are local.
 */
public final class LocalStack extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private EmbeddedKafka kafka;
    private EmbeddedS3 s3;
    private S3Client emulatorS3;
    private AwsEmulator aws;

    @Override
    public synchronized void afterConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        if (!Boolean.parseBoolean(property(context, "local.enabled"))) {
            return;
        }
        requireLocalStackJars();
        Path dataDir = Path.of(property(context, "local.data-dir")).toAbsolutePath().normalize();
        if (Boolean.parseBoolean(property(context, "local.reset"))) {
            Directories.deleteTree(dataDir);
        }
        long start = System.currentTimeMillis();
        int partitions = intProperty(context, "local.kafka.partitions");
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), intProperty(context, "local.kafka.port"), partitions);
        kafka.createTopics(partitions, property(context, "kafka.topic"), property(context, "kafka.dlq-topic"));
        String accessKey = property(context, "local.s3.access-key");
        String secretKey = property(context, "local.s3.secret-key");
        String bucket = property(context, "lake.bucket");
        s3 = EmbeddedS3.start(dataDir.resolve("s3"), intProperty(context, "local.s3.port"), accessKey, secretKey, bucket);
        emulatorS3 = AwsClients.s3(s3.url(), property(context, "aws.region"), accessKey, secretKey);
        aws = AwsEmulator.start(intProperty(context, "local.aws.port"), dataDir.resolve("s3"), emulatorS3, Duration.ZERO, dataDir.resolve("glue"),
                accessKey, secretKey);
        LOG.info("""
                Local stack up in {} ms (data in {}):
                  Kafka bootstrap  {}    e.g. kcat -b {} -C -t {} -c 3
                  S3 endpoint      {}    bucket {}, access key {}, secret key {}
                                   e.g. AWS_ACCESS_KEY_ID={} AWS_SECRET_ACCESS_KEY={} aws --endpoint-url {} s3 ls s3://{}/ --recursive
                  Glue and Athena  {}    e.g. aws --endpoint-url {} glue get-tables --database-name {}""",
                System.currentTimeMillis() - start, dataDir,
                kafka.bootstrap(), kafka.bootstrap(), property(context, "kafka.topic"),
                s3.url(), bucket, accessKey, secretKey,
                accessKey, secretKey, s3.url(), bucket,
                aws.url(), aws.url(), property(context, "glue.database"));
    }

    /** The production build leaves the broker and the S3 server out: say so rather than fail on a missing class. */
    private static void requireLocalStackJars() {
        try {
            Class.forName("kafka.server.KafkaRaftServer", false, LocalStack.class.getClassLoader());
            Class.forName("org.gaul.s3proxy.S3Proxy", false, LocalStack.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("local.enabled=true, but the local stack's jars (target/lib-local/) are not "
                    + "on the classpath, as in the production image: use camel.main.profile=aws, or local.enabled=false "
                    + "with your own Kafka, S3, Glue and Athena endpoints");
        }
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        close();
    }

    /** Stops what was started; also when Camel did not get as far as starting. */
    public synchronized void close() {
        if (kafka == null && s3 == null) {
            return;
        }
        if (aws != null) {
            aws.close();
            emulatorS3.close();
        }
        try {
            if (s3 != null) {
                s3.close();
            }
        } catch (Exception e) {
            LOG.warn("local S3 server did not stop cleanly: {}", e.getMessage());
        }
        if (kafka != null) {
            kafka.close();
        }
        kafka = null;
        s3 = null;
        aws = null;
        LOG.info("Local stack stopped");
    }

    private static String property(CamelContext context, String key) {
        return context.resolvePropertyPlaceholders("{{" + key + "}}");
    }

    private static int intProperty(CamelContext context, String key) {
        String value = property(context, key);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
        }
    }
}
