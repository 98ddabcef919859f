package local.aws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import support.TestAws;

/**
 * Raw HTTP requests to the emulator, signed with Signature Version 4 as the SDKs sign them, for what the SDKs never
 * send: bad bodies, targets, methods and paths, requests signed at another time, or not signed at all.
 */
final class SignedHttp {

    private static final List<String> SIGNED_HEADERS = List.of("host", "x-amz-date", "x-amz-target");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    SignedHttp(String url) {
        this.endpoint = URI.create(url);
    }

    /** A POST to / of {@code target}, signed now with the emulator's keys. */
    HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
        return send("POST", "/", target, body.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    /** A request signed with the emulator's keys at {@code time}; a null target sends no X-Amz-Target. */
    HttpResponse<String> send(String method, String path, String target, byte[] body, Instant time)
            throws IOException, InterruptedException {
        String amzDate = SignatureV4.AMZ_DATE.format(time);
        Map<String, List<String>> headers = new TreeMap<>();
        headers.put("host", List.of(endpoint.getAuthority()));
        headers.put("x-amz-date", List.of(amzDate));
        headers.put("x-amz-target", target == null ? List.of() : List.of(target));
        String scope = amzDate.substring(0, 8) + "/us-east-1/glue/aws4_request";
        String signature = SignatureV4.signature(TestAws.SECRET_KEY, new AwsRequest(method, path, "", headers, body),
                SIGNED_HEADERS, amzDate, scope);
        HttpRequest.Builder request = request(method, path, target, body).header("X-Amz-Date", amzDate)
                .header("Authorization", SignatureV4.ALGORITHM + " Credential=" + TestAws.ACCESS_KEY + "/" + scope
                        + ", SignedHeaders=" + String.join(";", SIGNED_HEADERS) + ", Signature=" + signature);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST to / of {@code target} without any signature. */
    HttpResponse<String> unsigned(String target, String body) throws IOException, InterruptedException {
        return http.send(request("POST", "/", target, body.getBytes(StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String target, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/x-amz-json-1.1");
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return request;
    }
}
