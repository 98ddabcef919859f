package support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Every log line at INFO and above while open, with its stack trace, as a real run would log them. */
public final class CapturedLog implements AutoCloseable {

    public final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final LoggerConfig root = context.getConfiguration().getRootLogger();
    private final Level level = root.getLevel();
    private final AbstractAppender appender = new AbstractAppender("captured", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
            for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            lines.add(line.toString());
        }
    };

    private final Map<String, Appender> others = new HashMap<>(root.getAppenders());

    /** Lowers the root level to INFO for the capture, and keeps the other appenders at the level they had. */
    public CapturedLog() {
        appender.start();
        others.keySet().forEach(root::removeAppender);
        others.values().forEach(other -> root.addAppender(other, level, null));
        root.addAppender(appender, Level.INFO, null);
        root.setLevel(Level.INFO);
        context.updateLoggers();
    }

    @Override
    public void close() {
        root.removeAppender(appender.getName());
        others.keySet().forEach(root::removeAppender);
        others.values().forEach(other -> root.addAppender(other, null, null));
        root.setLevel(level);
        context.updateLoggers();
        appender.stop();
    }
}
