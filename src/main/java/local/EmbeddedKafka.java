package local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Features;
import org.apache.kafka.server.common.MetadataVersion;

/** A single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM. */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrap;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrap) {
        this.server = server;
        this.bootstrap = bootstrap;
    }

    /**
     * Formats {@code dir} on first use (keeps what an earlier run left there) and starts the broker.
     *
     * @param partitions partitions of topics the broker creates on first use
     */
    public static EmbeddedKafka start(Path dir, int port, int partitions) {
        try {
            Files.createDirectories(dir);
            int controllerPort = freePort();
            Properties config = new Properties();
            config.put("process.roles", "broker,controller");
            config.put("node.id", "1");
            config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            config.put("controller.listener.names", "CONTROLLER");
            config.put("inter.broker.listener.name", "PLAINTEXT");
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
            config.put("broker.heartbeat.interval.ms", "200");
            config.put("broker.session.timeout.ms", "1000");
            config.put("num.network.threads", "2");
            config.put("num.io.threads", "2");
            KafkaConfig kafkaConfig = KafkaConfig.fromProps(config, false);

            if (Files.notExists(dir.resolve("meta.properties"))) {
                format(dir);
            }
            KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, "127.0.0.1:" + port);
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

    /** Creates the topics that do not exist yet, so producers and consumers find them ready. */
    public void createTopics(int partitions, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
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

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
