package local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The signature against known ones: AWS's published test suite, and botocore's (the aws CLI's) signer. */
class SignatureV4Test {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");

    /** AWS's "get-vanilla" case of the Signature Version 4 test suite. */
    private static final AwsRequest GET_VANILLA = new AwsRequest("GET", "/", "",
            Map.of("host", List.of("example.amazonaws.com"), "x-amz-date", List.of("20150830T123600Z")), new byte[0]);

    /** A Glue call, signed by botocore with the same key and time. */
    private static final AwsRequest GLUE_CALL = new AwsRequest("POST", "/", "", Map.of(
            "host", List.of("127.0.0.1:9100"), "x-amz-date", List.of("20150830T123600Z"),
            "content-type", List.of("application/x-amz-json-1.1"), "x-amz-target", List.of("AWSGlue.GetDatabases")),
            "{\"MaxResults\": 5}".getBytes(StandardCharsets.UTF_8));

    @Test
    void signaturesAreThoseOfAwsTestSuiteAndOfBotocore() {
        assertThat(SignatureV4.signature(SECRET, GET_VANILLA, List.of("host", "x-amz-date"), "20150830T123600Z",
                "20150830/us-east-1/service/aws4_request"))
                .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        assertThat(SignatureV4.signature(SECRET, GLUE_CALL, List.of("content-type", "host", "x-amz-date", "x-amz-target"),
                "20150830T123600Z", "20150830/us-east-1/glue/aws4_request"))
                .isEqualTo("fcb599c2877be1df74aa4436efcf4e7f33b049e65504e966d5846e0facc8360e");
    }

    @Test
    void aSignedRequestIsAcceptedForFifteenMinutesEitherSideOfItsTime() {
        SignatureV4 keys = new SignatureV4("AKIDEXAMPLE", SECRET);
        AwsRequest signed = withAuthorization(GET_VANILLA, "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/"
                + "aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");

        assertThatCode(() -> keys.check(signed, SIGNED_AT.plus(Duration.ofMinutes(15)))).doesNotThrowAnyException();
        assertThatCode(() -> keys.check(signed, SIGNED_AT.minus(Duration.ofMinutes(15)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> keys.check(signed, SIGNED_AT.plus(Duration.ofMinutes(16))))
                .hasMessage("Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)");
        assertThatThrownBy(() -> keys.check(signed, SIGNED_AT.minus(Duration.ofMinutes(16))))
                .hasMessage("Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z (20150830T122000Z + 15 min.)");
    }

    @Test
    void anIncompleteAuthorizationSaysWhatItLacks() {
        SignatureV4 keys = new SignatureV4("AKIDEXAMPLE", SECRET);

        assertThatThrownBy(() -> keys.check(withAuthorization(GET_VANILLA, "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/"
                + "us-east-1/service/aws4_request, Signature=5fa00f"), SIGNED_AT))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("IncompleteSignatureException"))
                .hasMessageStartingWith("Authorization header requires 'SignedHeaders' parameter. Authorization=");
        assertThatThrownBy(() -> keys.check(withAuthorization(GET_VANILLA, "Basic a2V5OnNlY3JldA=="), SIGNED_AT))
                .hasMessageStartingWith("Authorization header requires 'Credential' parameter. Authorization header "
                        + "requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.");
        assertThatThrownBy(() -> keys.check(withAuthorization(GET_VANILLA, "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150831/"
                + "us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00f"), SIGNED_AT))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.type()).isEqualTo("InvalidSignatureException"))
                .hasMessageStartingWith("Date in Credential scope does not match YYYYMMDD");
    }

    private static AwsRequest withAuthorization(AwsRequest request, String authorization) {
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        headers.put("authorization", List.of(authorization));
        return new AwsRequest(request.method(), request.path(), request.query(), headers, request.body());
    }
}
