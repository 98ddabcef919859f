package local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import aws.AwsClients;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import support.TestAws;

/** Only requests signed (Signature Version 4) with the emulator's keys, at about the right time, are answered. */
class SignedRequestTest {

    private static final String BAD_KEY = "The security token included in the request is invalid.";
    private static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private static TestAws aws;
    private static SignedHttp http;

    @BeforeAll
    static void start() {
        aws = new TestAws(Duration.ZERO);
        http = new SignedHttp(aws.emulatorUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
    }

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        try (GlueClient glue = AwsClients.glue(aws.emulatorUrl(), "us-east-1", "not-the-key", TestAws.SECRET_KEY);
             AthenaClient athena = AwsClients.athena(aws.emulatorUrl(), "us-east-1", "not-the-key", TestAws.SECRET_KEY)) {
            assertAwsError(() -> glue.getDatabases(b -> { }), "UnrecognizedClientException", BAD_KEY);
            assertAwsError(() -> athena.listQueryExecutions(b -> { }), "UnrecognizedClientException", BAD_KEY);
        }
    }

    @Test
    void aWrongSecretKeyIsAnInvalidSignature() {
        try (GlueClient glue = AwsClients.glue(aws.emulatorUrl(), "us-east-1", TestAws.ACCESS_KEY, "not-the-secret");
             AthenaClient athena = AwsClients.athena(aws.emulatorUrl(), "us-east-1", TestAws.ACCESS_KEY, "not-the-secret")) {
            assertAwsError(() -> glue.getDatabases(b -> { }), "InvalidSignatureException", BAD_SIGNATURE);
            assertAwsError(() -> athena.listQueryExecutions(b -> { }), "InvalidSignatureException", BAD_SIGNATURE);
        }
    }

    @Test
    void anUnsignedRequestIsMissingItsAuthenticationToken() throws Exception {
        try (GlueClient glue = GlueClient.builder().endpointOverride(URI.create(aws.emulatorUrl())).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            assertAwsError(() -> glue.getDatabases(b -> { }), "MissingAuthenticationTokenException",
                    "Request is missing Authentication Token");
        }
        HttpResponse<String> raw = http.unsigned("AWSGlue.GetDatabases", "{}");

        assertError(raw, "MissingAuthenticationTokenException");
    }

    @Test
    void aBodyChangedAfterSigningIsAnInvalidSignatureAndDoesNothing() {
        try (GlueClient glue = GlueClient.builder().endpointOverride(URI.create(aws.emulatorUrl())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestAws.ACCESS_KEY, TestAws.SECRET_KEY)))
                .httpClient(changingBodies(ApacheHttpClient.create())).build()) {
            assertAwsError(() -> glue.createDatabase(b -> b.databaseInput(d -> d.name("signed"))),
                    "InvalidSignatureException", BAD_SIGNATURE);
        }
        assertThat(aws.glue.getDatabases(b -> { }).databaseList()).extracting(Database::name).doesNotContain("signed", "forged");
    }

    @Test
    void aRequestSignedMoreThanFifteenMinutesAwayHasExpired() throws Exception {
        Instant now = Instant.now();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> old = http.send("POST", "/", "AWSGlue.GetDatabases", body, now.minus(Duration.ofMinutes(16)));
        HttpResponse<String> future = http.send("POST", "/", "AWSGlue.GetDatabases", body, now.plus(Duration.ofMinutes(16)));
        HttpResponse<String> late = http.send("POST", "/", "AWSGlue.GetDatabases", body, now.minus(Duration.ofMinutes(14)));

        assertThat(assertError(old, "InvalidSignatureException").path("message").asText())
                .matches("Signature expired: \\d{8}T\\d{6}Z is now earlier than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 15 min\\.\\)");
        assertThat(assertError(future, "InvalidSignatureException").path("message").asText())
                .startsWith("Signature not yet current: ");
        assertThat(late.statusCode()).isEqualTo(200);
    }

    private static void assertAwsError(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    /** The JSON error body, after checking that status, header and body name the error as AWS does. */
    private static JsonNode assertError(HttpResponse<String> response, String type) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(type);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo(type);
        return body;
    }

    /** Sends what the SDK signed with "signed" changed to "forged" in the body, as something in between could. */
    private static SdkHttpClient changingBodies(SdkHttpClient http) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                byte[] forged = request.contentStreamProvider().map(SignedRequestTest::read).orElseThrow()
                        .replace("\"signed\"", "\"forged\"").getBytes(StandardCharsets.UTF_8);
                return http.prepareRequest(HttpExecuteRequest.builder().request(request.httpRequest())
                        .contentStreamProvider(() -> new ByteArrayInputStream(forged)).build());
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }

    private static String read(ContentStreamProvider content) {
        try {
            return new String(content.newStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
