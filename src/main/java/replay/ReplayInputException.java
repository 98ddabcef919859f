package replay;

/** The replay cannot start: the file is missing, unreadable, or lacks a required column. */
public final class ReplayInputException extends RuntimeException {

    public ReplayInputException(String message) {
        super(message, null, false, false);
    }
}
