package support;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import local.Directories;

/**
 * Debian's chromium, headless, driven over the DevTools protocol on one WebSocket: it opens pages, keeps every
 * script error, console error and browser log error they cause, evaluates expressions in them and takes screenshots.
 * Not found on the PATH, it fails the test: a browser test that skips checks nothing.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path profile = TestKafka.tempDir("chromium");
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final AtomicReference<CompletableFuture<Void>> loaded = new AtomicReference<>(new CompletableFuture<>());
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final String session;

    public HeadlessChromium() throws Exception {
        Path chromium = Executables.onPath("chromium").orElseGet(() -> fail("chromium is not on the PATH: install Debian's"
                + " chromium package (apt-get install chromium; .ci/run does); this test opens the report page in it"));
        process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--hide-scrollbars", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(devToolsAddress()), new Messages())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            // a page of its own, whose events come over this same socket
            String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
            session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).path("sessionId").asText();
            for (String domain : List.of("Runtime", "Log", "Page")) {
                call(domain + ".enable", Map.of());
            }
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    /** Opens the address and waits for its load event. */
    public void open(String url) throws Exception {
        CompletableFuture<Void> load = new CompletableFuture<>();
        loaded.set(load);
        JsonNode navigated = call("Page.navigate", Map.of("url", url));
        if (navigated.hasNonNull("errorText")) {
            fail("chromium could not open " + url + ": " + navigated.path("errorText").asText());
        }
        load.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The script exceptions, console errors and browser log errors of every page opened so far. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** The expression's value in the open page, as JSON; an exception in it fails the test. */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            fail("the page could not evaluate " + expression + ": " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** As if the reader's system asked for a dark (or light) page. */
    public void prefersDark(boolean dark) throws Exception {
        call("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** A PNG of the whole page, {@code width} CSS pixels wide. */
    public void screenshot(Path file, int width) throws Exception {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        int height = evaluate("document.documentElement.scrollHeight").asInt();
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        return call(session, method, params);
    }

    private JsonNode call(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        socket.sendText(JSON.writeValueAsString(message), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            fail(method + " failed in chromium: " + reply.path("error"));
        }
        return reply.path("result");
    }

    /** The browser's WebSocket, from the line it writes on start; its other output is read on so that it never blocks. */
    private String devToolsAddress() throws Exception {
        CompletableFuture<String> address = new CompletableFuture<>();
        List<String> said = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    said.add(line);
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        address.complete(listening.group(1));
                    }
                }
            } catch (IOException e) {
                address.completeExceptionally(e);
            }
            address.completeExceptionally(new IllegalStateException("chromium exited: " + String.join("\n", said)));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        return address.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Answers go to their callers; the events that matter are kept. */
    private final class Messages implements WebSocket.Listener {

        private final StringBuilder parts = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                String text = parts.toString();
                parts.setLength(0);
                try {
                    received(JSON.readTree(text));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            webSocket.request(1);
            return null;
        }

        private void received(JsonNode message) {
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = answers.remove(message.path("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
                return;
            }
            JsonNode params = message.path("params");
            switch (message.path("method").asText()) {
                case "Page.loadEventFired" -> loaded.get().complete(null);
                case "Runtime.exceptionThrown" -> errors.add("script error: " + params.path("exceptionDetails"));
                case "Runtime.consoleAPICalled" -> {
                    if (List.of("error", "assert").contains(params.path("type").asText())) {
                        errors.add("console " + params.path("type").asText() + ": " + params.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if ("error".equals(params.path("entry").path("level").asText())) {
                        errors.add("browser log: " + params.path("entry").path("text").asText() + " "
                                + params.path("entry").path("url").asText());
                    }
                }
                default -> { }
            }
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        List<ProcessHandle> started = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        Directories.deleteTree(profile);
    }
}
