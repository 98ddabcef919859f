package security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

    @Test
    void mskIamNeedsNoSecretAndSignsInWithTheCredentialChain() {
        KafkaSecurity iam = new KafkaSecurity("SASL_SSL", "AWS_MSK_IAM", "");
        assertThat(iam.clientProperties("b-1:9098"))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "AWS_MSK_IAM")
                .containsEntry("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;")
                .containsEntry("sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
    }

    @Test
    void scramTakesItsLoginFromTheSettingAndPlainTextHasNone() {
        String login = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";";
        assertThat(new KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", login).clientProperties("b:9096"))
                .containsEntry("sasl.jaas.config", login).doesNotContainKey("sasl.client.callback.handler.class");
        assertThat(new KafkaSecurity("PLAINTEXT", "", "").clientProperties("b:9092"))
                .containsOnlyKeys("bootstrap.servers", "security.protocol");
    }

    @Test
    void aMissingOrWrongSettingNamesTheProperty() {
        assertThatThrownBy(() -> new KafkaSecurity("TLS", "", "")).hasMessageStartingWith("kafka.security-protocol must be one of");
        assertThatThrownBy(() -> new KafkaSecurity("SASL_SSL", "GSSAPI", "")).hasMessageStartingWith("kafka.sasl-mechanism must be one of");
        assertThatThrownBy(() -> new KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", " "))
                .hasMessageStartingWith("kafka.sasl-jaas-config must hold the SCRAM-SHA-512 login")
                .hasMessageContaining("KAFKA_SASL_JAAS_CONFIG");
    }
}
