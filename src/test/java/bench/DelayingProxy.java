package bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of the local S3 server that holds each HTTP request back for a fixed time, as a
 * far-away S3 would: the first bytes a client sends after the server's last answer wait {@code delayMillis}.
 * Keep-alive connections, many at once; the bytes themselves pass unchanged.
 */
final class DelayingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService pipes = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "delaying-proxy");
        thread.setDaemon(true);
        return thread;
    });

    DelayingProxy(int targetPort, long delayMillis) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pipes.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    client.setTcpNoDelay(true);
                    upstream.setTcpNoDelay(true);
                    AtomicBoolean awaitingRequest = new AtomicBoolean(true);
                    pipes.execute(() -> pipe(client, upstream, awaitingRequest, delayMillis));
                    pipes.execute(() -> pipe(upstream, client, awaitingRequest, -1));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
    }

    String url() {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.getLocalSocketAddress()).getPort();
    }

    /** Copies one direction; the request direction ({@code delay >= 0}) waits before each new request. */
    private static void pipe(Socket from, Socket to, AtomicBoolean awaitingRequest, long delay) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (delay >= 0 && awaitingRequest.getAndSet(false)) {
                    Thread.sleep(delay);
                } else if (delay < 0) {
                    awaitingRequest.set(true);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the other side closed: so does this one
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pipes.shutdownNow();
    }
}
