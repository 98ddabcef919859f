package replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Which replay a message on the topics comes from: the file's content (not its path: a renamed file is the
 * same replay, an edited one a new replay) and the run's name, which a user changes to send a file again on
 * purpose. Every message carries it as {@value #HEADER}, {@code <digest>/<run>/<file name>}.
 */
public record ReplayIdentity(String digest, String run, String fileName) {

    public static final String HEADER = "replay.id";

    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9._-]+");
    /** 64 bits of SHA-256: two different files of one topic share it with a chance of 1 in 10^19. */
    private static final int DIGEST_BYTES = 8;

    public ReplayIdentity {
        checkRun(run);
    }

    /** A run's name goes into a header between slashes: a bad one stops start-up naming the property. */
    public static String checkRun(String run) {
        if (!RUN.matcher(run).matches()) {
            throw new IllegalArgumentException("replay.run-id must be letters, digits, '.', '_' or '-', was '" + run + "'");
        }
        return run;
    }

    /** Reads the whole file once to digest it. */
    public static ReplayIdentity of(Path file, String run) {
        try (InputStream in = CountyCsv.openStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            byte[] digest = sha.digest();
            return new ReplayIdentity(HexFormat.of().formatHex(digest, 0, DIGEST_BYTES), run, file.getFileName().toString());
        } catch (IOException e) {
            throw new ReplayInputException("replay.file: cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header's value, or null when it is not a replay's. */
    public static ReplayIdentity parse(byte[] header) {
        if (header == null) {
            return null;
        }
        String[] parts = new String(header, StandardCharsets.UTF_8).split("/", 3);
        if (parts.length != 3 || !RUN.matcher(parts[1]).matches()) {
            return null;
        }
        return new ReplayIdentity(parts[0], parts[1], parts[2]);
    }

    public String header() {
        return digest + "/" + run + "/" + fileName;
    }

    /** Same content, same run: the file's name does not matter. */
    public boolean sameReplay(ReplayIdentity other) {
        return other != null && digest.equals(other.digest) && run.equals(other.run);
    }
}
