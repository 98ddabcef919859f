package replay;

import covid.CountyJson;
import covid.DeadLetter;
import covid.CountyRow;
import covid.RowRejection;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * Turns a chunk into the Kafka records it sends: one message per row, keyed, with its source line and what
 * a restarted replay needs to find where it stands ({@link ReplayHistory}).
 */
public final class ReplayMessages {

    /** Kafka header with the row's line in the source file. */
    public static final String LINE_HEADER = "source.line";
    public static final String SOURCE_HEADER = "source.file";
    /** Kafka header with the line up to which the replay had every line acknowledged when it sent this one. */
    public static final String ACKED_HEADER = "replay.acked";

    private ReplayMessages() {
    }

    public static List<Message> rows(ReplayChunk chunk, CamelContext context) {
        List<Message> messages = new ArrayList<>(chunk.rows().size());
        String replay = chunk.replay().header();
        String acked = Long.toString(chunk.ackedThrough());
        for (CountyRow row : chunk.rows()) {
            Message message = new DefaultMessage(context);
            message.setHeader(KafkaConstants.KEY, row.key());
            message.setHeader(LINE_HEADER, Long.toString(row.line()));
            message.setHeader(ReplayIdentity.HEADER, replay);
            message.setHeader(ACKED_HEADER, acked);
            message.setBody(CountyJson.encode(row));
            messages.add(message);
        }
        return messages;
    }

    public static List<Message> rejections(ReplayChunk chunk, CamelContext context) {
        List<Message> messages = new ArrayList<>(chunk.rejections().size());
        String source = chunk.replay().fileName();
        String replay = chunk.replay().header();
        String acked = Long.toString(chunk.ackedThrough());
        for (RowRejection rejection : chunk.rejections()) {
            Message message = new DefaultMessage(context);
            message.setHeader(KafkaConstants.KEY, source + ":" + rejection.line());
            message.setHeader(SOURCE_HEADER, source);
            message.setHeader(LINE_HEADER, Long.toString(rejection.line()));
            message.setHeader(ReplayIdentity.HEADER, replay);
            message.setHeader(ACKED_HEADER, acked);
            message.setHeader(DeadLetter.REASON_HEADER, rejection.reason());
            message.setBody(dlqJson(source, rejection));
            messages.add(message);
        }
        return messages;
    }

    static String dlqJson(String source, RowRejection rejection) {
        StringBuilder json = new StringBuilder(160);
        CountyJson.string(json.append("{\"source\":"), source);
        json.append(",\"line\":").append(rejection.line());
        CountyJson.string(json.append(",\"reason\":"), rejection.reason());
        CountyJson.string(json.append(",\"raw\":"), rejection.raw());
        return json.append('}').toString();
    }
}
