package local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import support.TestKafka;

/** The local broker lets in its one user with the right password, and nobody else. */
class EmbeddedKafkaTest {

    @Test
    void theRightLoginGetsInAWrongOneOrNoneDoesNot() throws Exception {
        try (Admin admin = Admin.create(TestKafka.clientConfig())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).isNotNull();
        }
        String bootstrap = TestKafka.bootstrap();
        assertRefused(EmbeddedKafka.clientProperties(bootstrap, TestKafka.USER, "wrong-secret"));
        assertRefused(EmbeddedKafka.clientProperties(bootstrap, "someone", TestKafka.PASSWORD));
        // no SASL at all: the broker does not answer a plain client
        Map<String, Object> plain = new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000));
        try (Admin admin = Admin.create(plain)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }
    }

    private static void assertRefused(Map<String, Object> login) {
        try (Admin admin = Admin.create(login)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }
}
