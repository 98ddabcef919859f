package local.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;

/** One HTTP request to the emulator as its signature covers it: header names in lower case, and the whole body. */
record AwsRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    /**
     * Reads the request. Of a body over {@code maxBody} bytes no more than that is kept: the rest is read and
     * dropped (within the client's time), because clients read the answer only once they have sent the whole
     * body, and a connection closed on them before that loses the answer; then it is refused as AWS refuses it.
     */
    static AwsRequest read(HttpExchange exchange, int maxBody) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(maxBody + 1);
        if (body.length > maxBody) {
            in.transferTo(OutputStream.nullOutputStream());
            throw new AwsError(413, "RequestEntityTooLargeException",
                    "Request body is larger than the " + maxBody + " bytes the local emulator accepts.");
        }
        URI uri = exchange.getRequestURI();
        return new AwsRequest(exchange.getRequestMethod(), Objects.requireNonNullElse(uri.getRawPath(), ""),
                Objects.requireNonNullElse(uri.getRawQuery(), ""), headers, body);
    }

    /** The header's first value, or null when the request has none. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
