package local.aws;

import com.fasterxml.jackson.databind.JsonNode;

/** One emulated service: the operations behind one X-Amz-Target prefix. */
interface AwsService {

    /** The part of X-Amz-Target before the dot, such as {@code AWSGlue}. */
    String targetPrefix();

    /** The response body of {@code operation}; throws {@link AwsError} for a modelled error. */
    JsonNode call(String operation, JsonNode request);

    static AwsError unknownOperation(String target) {
        return new AwsError("UnknownOperationException", "The operation " + target + " is not supported by the local emulator.");
    }
}
