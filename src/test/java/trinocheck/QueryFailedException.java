package trinocheck;

/** A query that the engine ran and refused or failed, with the engine's own message: a result of the check, not a fault of it. */
final class QueryFailedException extends Exception {

    QueryFailedException(String message) {
        super(message);
    }
}
