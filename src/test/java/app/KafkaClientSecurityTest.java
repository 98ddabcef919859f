package app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.junit.jupiter.api.Test;
import support.TestProperties;

/** The Kafka clients' security, set once on the component; a wrong setting stops start-up before any route. */
class KafkaClientSecurityTest {

    @Test
    void mskIamIsSetOnTheComponentForEveryKafkaClient() throws Exception {
        try (CamelContext context = TestProperties.context("kafka.security-protocol", "SASL_SSL", "kafka.sasl-mechanism", "AWS_MSK_IAM")) {
            new KafkaClientSecurity().configure(context);

            KafkaConfiguration kafka = context.getComponent("kafka", KafkaComponent.class).getConfiguration();
            assertThat(kafka.getSecurityProtocol()).isEqualTo("SASL_SSL");
            assertThat(kafka.getSaslMechanism()).isEqualTo("AWS_MSK_IAM");
            assertThat(kafka.getSaslJaasConfig()).isEqualTo("software.amazon.msk.auth.iam.IAMLoginModule required;");
            assertThat(kafka.getAdditionalProperties())
                    .containsEntry("sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
        }
    }

    @Test
    void aWrongSecuritySettingStopsStartUp() {
        assertThat(PipelineMain.run(Map.of("kafka.security-protocol", "TLS", "local.enabled", "false",
                "camel.management.port", "0"))).isEqualTo(1);
    }
}
