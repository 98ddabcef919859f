package local;

import java.nio.file.Path;
import java.time.Duration;

import aws.AwsClients;
import settings.Settings;
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
    private String bucket;
    private Path bucketFolder;

    @Override
    public synchronized void afterConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        Settings settings = new Settings(context);
        if (!settings.flag("local.enabled")) {
            return;
        }
        requireLocalStackJars();
        LocalStackSettings local = LocalStackSettings.read(settings);
        if (local.reset()) {
            Directories.deleteTree(local.dataDir());
        }
        bucket = local.bucket();
        bucketFolder = local.dataDir().resolve("s3").resolve(bucket);
        long start = System.currentTimeMillis();
        kafka = EmbeddedKafka.start(local.dataDir().resolve("kafka"), local.kafkaPort(), local.partitions(),
                local.accessKey(), local.secretKey());
        kafka.createTopics(local.partitions(), local.topic(), local.dlqTopic());
        s3 = EmbeddedS3.start(local.dataDir().resolve("s3"), local.s3Port(), local.accessKey(), local.secretKey(), local.bucket());
        emulatorS3 = AwsClients.s3(s3.url(), local.region(), local.accessKey(), local.secretKey());
        aws = AwsEmulator.start(local.awsPort(), local.dataDir().resolve("s3"), emulatorS3, Duration.ZERO,
                local.dataDir().resolve("glue"), local.accessKey(), local.secretKey());
        String keys = "AWS_ACCESS_KEY_ID=" + local.accessKey() + " AWS_SECRET_ACCESS_KEY=" + local.shownSecret();
        LOG.info("""
                Local stack up in {} ms (data in {}):
                  Kafka bootstrap  {}    user {}, SASL/PLAIN with the same secret, e.g.
                                   kcat -b {} -X security.protocol=SASL_PLAINTEXT -X sasl.mechanisms=PLAIN -X sasl.username={} -X sasl.password={} -C -t {} -c 3
                  S3 endpoint      {}    bucket {}, access key {}, secret key {}
                                   e.g. {} aws --endpoint-url {} s3 ls s3://{}/ --recursive
                  Glue and Athena  {}    the same keys, e.g. {} aws --endpoint-url {} glue get-tables --database-name {}""",
                System.currentTimeMillis() - start, local.dataDir(),
                kafka.bootstrap(), local.accessKey(), kafka.bootstrap(), local.accessKey(), local.shownSecret(), local.topic(),
                s3.url(), local.bucket(), local.accessKey(), local.shownSecret(),
                keys, s3.url(), local.bucket(),
                aws.url(), keys, aws.url(), local.database());
    }

    /** The production build leaves the broker, the S3 server and the emulator's DuckDB out: say so rather than fail later. */
    private static void requireLocalStackJars() {
        try {
            Class.forName("kafka.server.KafkaRaftServer", false, LocalStack.class.getClassLoader());
            Class.forName("org.gaul.s3proxy.S3Proxy", false, LocalStack.class.getClassLoader());
            Class.forName("org.duckdb.DuckDBDriver", false, LocalStack.class.getClassLoader());
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
        // what the run made (the lake, the reports and their page) can be opened as files after it
        LOG.info("Local stack stopped; the bucket {} is the folder {}", bucket, bucketFolder);
    }
}
