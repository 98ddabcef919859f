package local.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A modelled AWS error: the SDKs raise the exception class named by {@code type}. */
final class AwsError extends RuntimeException {

    private final int status;
    private final String type;
    private final ObjectNode fields = Json.object();

    AwsError(String type, String message) {
        this(400, type, message);
    }

    AwsError(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    /** An extra member of the error shape, such as Athena's AthenaErrorCode. */
    AwsError with(String field, String value) {
        fields.put(field, value);
        return this;
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    /** Both spellings of the message, since services differ in which one their model declares. */
    ObjectNode body() {
        ObjectNode body = Json.object().put("__type", type).put("message", getMessage()).put("Message", getMessage());
        body.setAll(fields);
        return body;
    }
}
