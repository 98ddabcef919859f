package support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The programs some tests run (kubectl, chromium): found on the PATH, as a shell would. */
public final class Executables {

    private Executables() {
    }

    public static Optional<Path> onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(s -> Path.of(s, command))
                .filter(Files::isExecutable).findFirst();
    }
}
