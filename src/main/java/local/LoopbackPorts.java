package local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on the loopback interface, for servers started later in this JVM or in a child process. They come
 * from below the systems' ephemeral ranges (Linux 32768-60999, macOS and Windows 49152-65535): a port the system
 * hands out for port 0 is also what it gives the next outgoing connection of any process, which could take it
 * before our server binds it. A port is handed out once per JVM, since none is bound until its server starts.
 */
public final class LoopbackPorts {

    private static final int FIRST = 20_000;
    private static final int END = 32_768;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /** A port nobody listens on right now, and not handed out before by this JVM. */
    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, END);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(port)) {
                    return socket.getLocalPort();
                }
            } catch (IOException taken) {
                // someone listens there: another one
            }
        }
        throw new UncheckedIOException(new IOException("no free port found between " + FIRST + " and " + (END - 1) + " after 100 tries"));
    }
}
