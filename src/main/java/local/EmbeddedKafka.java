package local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Features;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM. Its clients sign in
 * with SASL/PLAIN as the one user it knows, as every server of the local stack checks credentials.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrap;
    private final Map<String, Object> clientProperties;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrap, Map<String, Object> clientProperties) {
        this.server = server;
        this.bootstrap = bootstrap;
        this.clientProperties = clientProperties;
    }

    /**
     * Formats {@code dir} on first use (keeps what an earlier run left there) and starts the broker.
     *
     * @param partitions partitions of topics the broker creates on first use
     * @param user       the one user who may sign in, with {@code password}
     */
    public static EmbeddedKafka start(Path dir, int port, int partitions, String user, String password) {
        try {
            Files.createDirectories(dir);
            int controllerPort = LoopbackPorts.free();
            Properties config = new Properties();
            config.put("process.roles", "broker,controller");
            config.put("node.id", "1");
            config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            config.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            config.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
            config.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
            config.put("controller.listener.names", "CONTROLLER");
            config.put("inter.broker.listener.name", "SASL_PLAINTEXT");
            config.put("sasl.enabled.mechanisms", "PLAIN");
            config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            config.put("sasl.mechanism.controller.protocol", "PLAIN");
            // both listeners, the controller's too, want the login; the broker signs in to itself as the same user
            String serverLogin = login(user, password).replace(";", " user_" + user + "=\"" + password + "\";");
            config.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", serverLogin);
            config.put("listener.name.controller.plain.sasl.jaas.config", serverLogin);
            config.put("log.dirs", dir.toString());
            config.put("num.partitions", Integer.toString(partitions));
            config.put("auto.create.topics.enable", "true");
            // one node: nothing to replicate to, and no reason to wait for group members to gather
            config.put("offsets.topic.replication.factor", "1");
            config.put("offsets.topic.num.partitions", "1");
            config.put("transaction.state.log.replication.factor", "1");
            config.put("transaction.state.log.min.isr", "1");
            config.put("group.initial.rebalance.delay.ms", "0");
            // after a kill -9 the restarted broker cannot register until the controller has given up on the
            // killed one's session: seconds, not the 9 s default
            config.put("broker.heartbeat.interval.ms", "300");
            config.put("broker.session.timeout.ms", "3000");
            config.put("num.network.threads", "2");
            config.put("num.io.threads", "2");
            // the log cleaner (it compacts __consumer_offsets) takes a 128 MB buffer by default, half of what a
            // whole local run needs: 16 MB still compacts a local broker's offsets in one pass
            config.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 << 20));
            KafkaConfig kafkaConfig = KafkaConfig.fromProps(config, false);

            if (Files.notExists(dir.resolve("meta.properties"))) {
                format(dir);
            }
            KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + port;
            return new EmbeddedKafka(server, bootstrap, clientProperties(bootstrap, user, password));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("local Kafka broker did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Writes a new cluster's metadata into an empty log dir, as kafka-storage.sh format does. */
    private static void format(Path dir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .addDirectory(dir.toString())
                .setMetadataLogDirectory(dir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setSupportedFeatures(Features.PRODUCTION_FEATURES)
                .run();
    }

    /** What a client of this broker needs: where it is, and how to sign in. */
    public static Map<String, Object> clientProperties(String bootstrap, String user, String password) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, login(user, password));
    }

    private static String login(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Creates the topics that do not exist yet, so producers and consumers find them ready. */
    public void createTopics(int partitions, String... topics) {
        try (Admin admin = Admin.create(clientProperties)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Arrays.stream(topics).distinct().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            admin.createTopics(missing).all().get();
            awaitLeaders(admin, topics);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics " + Arrays.toString(topics) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until every partition of the topics has a leader: a topic is created before its partitions are
     * ready, and an idempotent producer that sends too early can stay stuck retrying.
     */
    private static void awaitLeaders(Admin admin, String... topics) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            boolean ready;
            try {
                ready = admin.describeTopics(Arrays.asList(topics)).allTopicNames().get().values().stream()
                        .flatMap(t -> t.partitions().stream()).allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            } catch (ExecutionException e) {
                // the broker's metadata may not know a topic it has just created
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                ready = false;
            }
            if (ready) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("partitions of " + Arrays.toString(topics) + " have no leader after 30 s");
            }
            Thread.sleep(50);
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    public Map<String, Object> clientProperties() {
        return clientProperties;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
