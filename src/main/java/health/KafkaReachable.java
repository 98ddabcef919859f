package health;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Ready only while the Kafka cluster answers: a pod that cannot reach it gets no traffic and is not counted ready.
 * One admin client serves every probe; it reconnects by itself when the cluster comes back.
 */
public final class KafkaReachable extends AbstractHealthCheck implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 5_000;

    private final Map<String, Object> clientProperties;
    private Admin admin;

    public KafkaReachable(Map<String, Object> clientProperties) {
        super("covid-pipeline", "kafka");
        this.clientProperties = new HashMap<>(clientProperties);
        this.clientProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        this.clientProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            int brokers = admin().describeCluster().nodes().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).size();
            builder.detail("brokers", brokers).up();
        } catch (Exception e) {
            builder.message("Kafka is not reachable: " + e.getMessage()).down();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(clientProperties);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
