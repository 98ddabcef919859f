package replay;

import java.util.Set;

/**
 * Where a replay of a file stands on the topics, as read back from them at start: every line up to
 * {@code ackedThrough} is there, and of the later lines those in {@code sentAfter}. A replay that starts
 * here sends every other line, so that each line ends up on the topics exactly once.
 *
 * @param newestOnTopic the replay whose messages are the newest on the topics, when it is not this one; null
 *                      when the topics hold no replay
 */
public record ResumePoint(long ackedThrough, Set<Long> sentAfter, ReplayIdentity newestOnTopic) {

    /** Line 1 is the CSV's header: a replay with nothing on the topics has "sent" it. */
    static final long HEADER_LINE = 1;

    public ResumePoint {
        sentAfter = Set.copyOf(sentAfter);
    }

    public static ResumePoint nothingSent(ReplayIdentity newestOnTopic) {
        return new ResumePoint(HEADER_LINE, Set.of(), newestOnTopic);
    }

    public boolean alreadySent(long line) {
        return line <= ackedThrough || sentAfter.contains(line);
    }

    /**
     * The last line known to be on the topics. A resumed replay sends everything up to it as its first batch,
     * so that no line it acknowledges later can sit before a line it resends (see {@link ReplayHistory}).
     */
    public long sentThrough() {
        return sentAfter.stream().mapToLong(Long::longValue).max().orElse(ackedThrough);
    }

    public boolean resumes() {
        return ackedThrough > HEADER_LINE || !sentAfter.isEmpty();
    }

    /** Rows, valid or rejected, of the file that are on the topics already. */
    public long rowsAlreadySent() {
        return ackedThrough - HEADER_LINE + sentAfter.size();
    }

    /** The start-up line: which case this is and what was found. */
    public String describe(ReplayIdentity replay) {
        String file = replay.fileName();
        if (resumes()) {
            return String.format("resuming %s after line %,d (%,d rows already on the topics%s; replay %s, run %s)",
                    file, ackedThrough, rowsAlreadySent(),
                    sentAfter.isEmpty() ? "" : String.format(", %,d of them past that line", sentAfter.size()),
                    replay.digest(), replay.run());
        }
        if (newestOnTopic == null) {
            return String.format("a new replay of %s (content %s, run %s): the topics hold no earlier replay",
                    file, replay.digest(), replay.run());
        }
        if (newestOnTopic.digest().equals(replay.digest())) {
            return String.format("replaying %s again from the start as run %s (replay.run-id): the topics hold it as run %s",
                    file, replay.run(), newestOnTopic.run());
        }
        if (newestOnTopic.fileName().equals(file)) {
            return String.format("%s has changed since it was last replayed (content %s now, %s then): a new replay from the start",
                    file, replay.digest(), newestOnTopic.digest());
        }
        return String.format("a new replay of %s (content %s, run %s): the topics' latest replay is of %s",
                file, replay.digest(), replay.run(), newestOnTopic.fileName());
    }
}
