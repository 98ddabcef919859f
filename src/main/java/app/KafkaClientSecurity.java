package app;

import security.KafkaSecurity;
import settings.KafkaSettings;
import settings.Settings;

import java.util.HashMap;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;

/**
 * How every Kafka client of the process authenticates, set once on the Kafka component before the routes are
 * added: every Kafka endpoint starts from the component's configuration, and no login goes into an endpoint
 * URI, where a logged URI would show it.
 */
public final class KafkaClientSecurity implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        KafkaSecurity security = KafkaSettings.security(new Settings(context));
        KafkaConfiguration kafka = context.getComponent("kafka", KafkaComponent.class).getConfiguration();
        kafka.setSecurityProtocol(security.protocol());
        if (security.sasl()) {
            kafka.setSaslMechanism(security.mechanism());
            kafka.setSaslJaasConfig(security.login());
        }
        kafka.setAdditionalProperties(new HashMap<>(security.extraProperties()));
    }
}
