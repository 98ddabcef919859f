package local.aws;

/** A query the local Athena does not run at all, with the failure Athena reports for it. */
final class QueryRefused extends Exception {

    private final transient AthenaFailure failure;

    QueryRefused(AthenaFailure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    AthenaFailure failure() {
        return failure;
    }
}
