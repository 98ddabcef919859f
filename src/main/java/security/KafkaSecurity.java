package security;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the pipeline's Kafka clients authenticate: plain (the local broker), TLS, or SASL over TLS with SCRAM
 * or MSK's IAM. The SCRAM login is a secret, so it comes from the environment or a mounted file, never from a
 * committed properties file; IAM needs none, the AWS credential chain signs in.
 */
public record KafkaSecurity(String protocol, String mechanism, String jaasConfig) {

    public static final String IAM = "AWS_MSK_IAM";
    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_SSL", "SASL_PLAINTEXT");
    private static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-256", "SCRAM-SHA-512", "PLAIN", IAM);

    public KafkaSecurity {
        protocol = protocol.strip();
        mechanism = mechanism.strip();
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("kafka.security-protocol must be one of " + PROTOCOLS + ", was '" + protocol + "'");
        }
        if (protocol.startsWith("SASL_")) {
            if (!MECHANISMS.contains(mechanism)) {
                throw new IllegalArgumentException("kafka.sasl-mechanism must be one of " + MECHANISMS + " with "
                        + protocol + ", was '" + mechanism + "'");
            }
            if (!mechanism.equals(IAM) && jaasConfig.isBlank()) {
                throw new IllegalArgumentException("kafka.sasl-jaas-config must hold the " + mechanism
                        + " login; set it from the environment (KAFKA_SASL_JAAS_CONFIG) or a mounted file");
            }
        }
    }

    public boolean sasl() {
        return protocol.startsWith("SASL_");
    }

    /**
     * The login module: the given one, or MSK's IAM module. With IAM any other module is the local broker's
     * default PLAIN login, which IAM never uses.
     */
    public String login() {
        return mechanism.equals(IAM) && !jaasConfig.contains("IAMLoginModule")
                ? "software.amazon.msk.auth.iam.IAMLoginModule required;" : jaasConfig;
    }

    /** Extra client properties beyond protocol, mechanism and login: MSK IAM's callback handler. */
    public Map<String, Object> extraProperties() {
        return sasl() && mechanism.equals(IAM)
                ? Map.of("sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler")
                : Map.of();
    }

    /** Properties for a plain Kafka client (admin) of these brokers. */
    public Map<String, Object> clientProperties(String brokers) {
        Map<String, Object> properties = new HashMap<>(extraProperties());
        properties.put("bootstrap.servers", brokers);
        properties.put("security.protocol", protocol);
        if (sasl()) {
            properties.put("sasl.mechanism", mechanism);
            properties.put("sasl.jaas.config", login());
        }
        return properties;
    }
}
