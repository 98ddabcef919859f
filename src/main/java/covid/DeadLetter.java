package covid;

/** What the dead-letter topic's records carry, whichever step rejected them. */
public final class DeadLetter {

    /** Kafka header with the reason a row or message was rejected. */
    public static final String REASON_HEADER = "dlq.reason";

    private DeadLetter() {
    }
}
