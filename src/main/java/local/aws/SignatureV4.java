package local.aws;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, checked as AWS checks it: the Authorization header's credential names the emulator's
 * access key, its signature is the one the secret key gives the canonical request (method, path, query, the signed
 * headers and the hash of the body), and X-Amz-Date is within 15 minutes of now. Each refusal is AWS's error.
 * The algorithm is the documented one ("Create a signed AWS API request"), for the AWS JSON protocol's
 * requests: their query, if any, is taken as the client encoded it.
 */
final class SignatureV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final Duration SKEW = Duration.ofMinutes(15);
    private static final String INVALID = "InvalidSignatureException";
    private static final String INCOMPLETE = "IncompleteSignatureException";

    private final String accessKey;
    private final String secretKey;

    SignatureV4(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Throws AWS's error when the request is not signed with the emulator's keys at about {@code now}. */
    void check(AwsRequest request, Instant now) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            throw new AwsError("MissingAuthenticationTokenException", "Request is missing Authentication Token");
        }
        Map<String, String> parts = parts(authorization);
        String amzDate = request.header("x-amz-date");
        List<String> missing = new ArrayList<>();
        for (String part : List.of("Credential", "Signature", "SignedHeaders")) {
            if (!parts.containsKey(part)) {
                missing.add("Authorization header requires '" + part + "' parameter.");
            }
        }
        if (amzDate == null) {
            missing.add("Authorization header requires existence of a 'X-Amz-Date' header.");
        }
        if (!missing.isEmpty()) {
            throw new AwsError(INCOMPLETE, String.join(" ", missing) + " Authorization=" + authorization);
        }
        List<String> credential = List.of(parts.get("Credential").split("/", -1));
        if (credential.size() != 5 || !credential.get(4).equals("aws4_request")) {
            throw new AwsError(INCOMPLETE, "Credential should be <access key>/<date>/<region>/<service>/aws4_request, not '"
                    + parts.get("Credential") + "'.");
        }
        if (!credential.get(0).equals(accessKey)) {
            throw new AwsError("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        checkTime(amzDate, credential.get(1), now);
        List<String> signedHeaders = List.of(parts.get("SignedHeaders").split(";"));
        if (!signedHeaders.contains("host")) {
            throw new AwsError(INVALID, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        String expected = signature(secretKey, request, signedHeaders, amzDate, String.join("/", credential.subList(1, 5)));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), parts.get("Signature").getBytes(StandardCharsets.UTF_8))) {
            throw new AwsError(INVALID, "The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
    }

    /**
     * The signature of the request with {@code secretKey}: HMAC-SHA256 of the string to sign, with the key derived
     * from the secret through each part of {@code scope} (date/region/service/aws4_request).
     */
    static String signature(String secretKey, AwsRequest request, List<String> signedHeaders, String amzDate, String scope) {
        String canonicalRequest = String.join("\n", request.method(), canonicalPath(request.path()),
                canonicalQuery(request.query()), canonicalHeaders(request, signedHeaders), String.join(";", signedHeaders),
                hex(sha256(request.body())));
        String stringToSign = String.join("\n", ALGORITHM, amzDate, scope,
                hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
        for (String part : scope.split("/")) {
            key = hmac(key, part);
        }
        return hex(hmac(key, stringToSign));
    }

    private static void checkTime(String amzDate, String scopeDate, Instant now) {
        Instant time;
        try {
            time = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw new AwsError(INCOMPLETE, "Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        if (!amzDate.startsWith(scopeDate + "T")) {
            throw new AwsError(INVALID, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + scopeDate + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        if (time.isBefore(now.minus(SKEW))) {
            throw new AwsError(INVALID, "Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (time.isAfter(now.plus(SKEW))) {
            throw new AwsError(INVALID, "Signature not yet current: " + amzDate + " is still later than "
                    + AMZ_DATE.format(now.plus(SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
        }
    }

    /** The Authorization header's Credential, SignedHeaders and Signature; none when it is not SigV4's. */
    private static Map<String, String> parts(String authorization) {
        Map<String, String> parts = new HashMap<>();
        if (authorization.startsWith(ALGORITHM + " ")) {
            for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
            }
        }
        return parts;
    }

    /**
     * The path as sent, percent-encoded once more but for its slashes (AWS's rule for every service but S3):
     * everything but RFC 3986's unreserved characters.
     */
    private static String canonicalPath(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~/".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    private static String canonicalQuery(String query) {
        if (query.isEmpty()) {
            return "";
        }
        return Arrays.stream(query.split("&")).map(p -> p.contains("=") ? p : p + "=").sorted()
                .collect(Collectors.joining("&"));
    }

    /** Each signed header as name:value lines, its values trimmed, inner spaces collapsed, and joined by commas. */
    private static String canonicalHeaders(AwsRequest request, List<String> signedHeaders) {
        StringBuilder lines = new StringBuilder();
        for (String name : signedHeaders) {
            String values = request.headers().getOrDefault(name, List.of()).stream()
                    .map(v -> v.strip().replaceAll("\\s+", " ")).collect(Collectors.joining(","));
            lines.append(name).append(':').append(values).append('\n');
        }
        return lines.toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
