package local.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One page of a listing, and the opaque NextToken that resumes after it (none on the last page). */
record Page<T>(List<T> items, String nextToken) {

    private static final String TOKEN_PREFIX = "local-page:";

    /**
     * The page of {@code all} that the request's MaxResults and NextToken ask for; a MaxResults beyond
     * {@code max} is cut to it, like the services do for listings.
     */
    static <T> Page<T> of(List<T> all, JsonNode request, int defaultSize, int max, String errorType) {
        int size = Math.max(1, Math.min(max, Members.integer(request, "MaxResults", defaultSize)));
        int from = offset(Members.text(request, "NextToken", ""), errorType);
        if (from < 0 || from > all.size()) {
            throw badToken(errorType);
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? token(to) : null;
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    /** The response of a plain listing: the page's items as {@code listName}, and NextToken if there is more. */
    ObjectNode response(String listName, Function<T, JsonNode> toJson) {
        ArrayNode list = Json.array();
        items.forEach(item -> list.add(toJson.apply(item)));
        ObjectNode response = Json.object().set(listName, list);
        addTokenTo(response);
        return response;
    }

    /** Sets NextToken on the response when there is a next page. */
    void addTokenTo(ObjectNode response) {
        if (nextToken != null) {
            response.put("NextToken", nextToken);
        }
    }

    private static int offset(String token, String errorType) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!decoded.startsWith(TOKEN_PREFIX)) {
                throw badToken(errorType);
            }
            return Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw badToken(errorType);
        }
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static AwsError badToken(String errorType) {
        return new AwsError(errorType, "The NextToken is not valid.");
    }
}
