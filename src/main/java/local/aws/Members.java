package local.aws;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The members of a request body, read as the service model types them. As AWS answers: a body that is not a JSON
 * object, or a member of another JSON type, is a SerializationException; a JSON null is no member; a missing
 * required member is the service's validation error. Every member an operation reads goes through here, so
 * that no request body can make an operation fail on a type it did not expect.
 */
final class Members {

    private static final String SERIALIZATION = "SerializationException";
    private static final ObjectReader BODY = Json.MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Members() {
    }

    /** The request body as a structure; an empty body is an empty one, as the SDKs send for no members. */
    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Json.object();
        }
        JsonNode request;
        try {
            request = BODY.readTree(body);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new AwsError(SERIALIZATION, "The request body is not JSON: " + reason);
        }
        if (!request.isObject()) {
            throw new AwsError(SERIALIZATION, "The request body must be a JSON object, not " + typeOf(request) + ".");
        }
        return request;
    }

    /** A required string; {@code validationError} is the service's error type for a missing one. */
    static String required(JsonNode structure, String name, String validationError) {
        String value = text(structure, name, "");
        if (value.isEmpty()) {
            throw missing(name, validationError);
        }
        return value;
    }

    static String text(JsonNode structure, String name, String absent) {
        JsonNode value = member(structure, name, JsonNode::isTextual, "a string");
        return value.isMissingNode() ? absent : value.asText();
    }

    static int integer(JsonNode structure, String name, int absent) {
        JsonNode value = member(structure, name, n -> n.isIntegralNumber() && n.canConvertToInt(), "an integer");
        return value.isMissingNode() ? absent : value.intValue();
    }

    /** A nested structure; a missing one reads as having no members. */
    static JsonNode structure(JsonNode structure, String name) {
        return member(structure, name, JsonNode::isObject, "a structure");
    }

    static List<String> texts(JsonNode structure, String name) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : list(structure, name, JsonNode::isTextual, "strings")) {
            texts.add(item.asText());
        }
        return texts;
    }

    static List<JsonNode> structures(JsonNode structure, String name) {
        return list(structure, name, JsonNode::isObject, "structures");
    }

    /** A required list of structures, which may be empty; {@code validationError} as for {@link #required}. */
    static List<JsonNode> requiredStructures(JsonNode structure, String name, String validationError) {
        if (member(structure, name, JsonNode::isArray, "a list").isMissingNode()) {
            throw missing(name, validationError);
        }
        return structures(structure, name);
    }

    private static AwsError missing(String name, String validationError) {
        return new AwsError(validationError, "1 validation error detected: Value null at '" + lowerFirst(name)
                + "' failed to satisfy constraint: Member must not be null");
    }

    private static List<JsonNode> list(JsonNode structure, String name, Predicate<JsonNode> itemFits, String items) {
        JsonNode list = member(structure, name, JsonNode::isArray, "a list");
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode item : list) {
            if (!itemFits.test(item)) {
                throw new AwsError(SERIALIZATION, "Member '" + name + "' must be a list of " + items + ", not of "
                        + typeOf(item) + ".");
            }
            all.add(item);
        }
        return all;
    }

    /** The member, or a missing node when it is absent or null. */
    private static JsonNode member(JsonNode structure, String name, Predicate<JsonNode> fits, String expected) {
        JsonNode value = structure.path(name);
        if (value.isNull()) {
            return MissingNode.getInstance();
        }
        if (!value.isMissingNode() && !fits.test(value)) {
            throw new AwsError(SERIALIZATION, "Member '" + name + "' must be " + expected + ", not " + typeOf(value) + ".");
        }
        return value;
    }

    private static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "a structure";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "the number " + value.asText();
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
