package aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsClientsTest {

    @Test
    void noCredentialsStopStartUpWithOneLineNamingWhereTheyCanComeFrom() {
        assertThatThrownBy(() -> AwsClients.requireCredentials(() -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain ...");
        })).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no AWS credentials: none of the default chain's sources has any")
                .hasMessageContaining("instance profile").hasMessageContaining("AWS_WEB_IDENTITY_TOKEN_FILE")
                .hasMessageNotContaining("\n");
    }
}
