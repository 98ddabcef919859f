package sink;

import lake.LakeObjectPlan;
import lake.ObjectKeys;
import lake.RecordFormat;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.support.service.ServiceSupport;

/** Encodes one planned object in the lake's format and names it, ready for the S3 producer. */
public final class LakeWriter extends ServiceSupport {

    /** Header with the number of rows in the object, for progress. */
    public static final String ROWS_HEADER = "lakeRows";

    private final RecordFormat format;
    private final ObjectKeys keys;

    public LakeWriter(RecordFormat format, ObjectKeys keys) {
        this.format = format;
        this.keys = keys;
    }

    public synchronized void encode(Message message) {
        LakeObjectPlan plan = message.getBody(LakeObjectPlan.class);
        byte[] bytes = format.encode(plan.rows());
        message.setHeader(AWS2S3Constants.KEY, keys.key(plan.date(), plan.partition(), plan.firstOffset(), format.extension()));
        message.setHeader(AWS2S3Constants.CONTENT_LENGTH, (long) bytes.length);
        message.setHeader(ROWS_HEADER, plan.rows().size());
        message.setBody(bytes);
    }

    @Override
    protected synchronized void doStop() {
        format.close();
    }
}
