package aws;

import lake.ObjectKeys;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;

/**
 * Registers the lake table's new {@code dt=} partitions in the Glue catalog as the sink stores them, so that Athena
 * queries a date's rows without waiting for the crawler. Each partition gets its table's storage descriptor at its
 * own folder, so that Athena reads it as it reads crawled ones. Each date is tried once per process, whatever the
 * outcome: the crawler registers what fails, and a Glue that is down or denies costs one call per date, not one
 * per batch.
 */
public final class GluePartitions {

    private static final Logger LOG = LoggerFactory.getLogger(GluePartitions.class);
    /** Glue's limit on the partitions of one BatchCreatePartition. */
    private static final int MAX_PER_CALL = 100;

    private final GlueClient glue;
    private final String database;
    private final String bucket;
    private final ObjectKeys folders;
    private final Set<LocalDate> tried = new HashSet<>();
    private boolean toldNoTable;

    public GluePartitions(GlueClient glue, String database, String bucket, ObjectKeys folders) {
        this.glue = glue;
        this.database = database;
        this.bucket = bucket;
        this.folders = folders;
    }

    /** Registers the dates this process has not tried yet. */
    public synchronized void register(Collection<LocalDate> dates) {
        List<LocalDate> fresh = dates.stream().filter(d -> !tried.contains(d)).distinct().sorted().toList();
        if (fresh.isEmpty()) {
            return;
        }
        tried.addAll(fresh);
        StorageDescriptor table;
        try {
            table = glue.getTable(r -> r.databaseName(database).name(ObjectKeys.TABLE)).table().storageDescriptor();
        } catch (EntityNotFoundException e) {
            // the crawl that creates the table registers the dt= folders there are by then, these among them
            if (!toldNoTable) {
                LOG.info("Glue table {}.{} does not exist yet: new dt= partitions wait for the crawler, which creates it",
                        database, ObjectKeys.TABLE);
                toldNoTable = true;
            }
            return;
        }
        for (int from = 0; from < fresh.size(); from += MAX_PER_CALL) {
            create(table, fresh.subList(from, Math.min(fresh.size(), from + MAX_PER_CALL)));
        }
    }

    private void create(StorageDescriptor table, List<LocalDate> dates) {
        List<PartitionInput> inputs = dates.stream().map(date -> PartitionInput.builder()
                .values(date.toString())
                .storageDescriptor(table.toBuilder().location("s3://" + bucket + "/" + folders.dateFolder(date)).build())
                .build()).toList();
        List<PartitionError> errors = glue.batchCreatePartition(r -> r.databaseName(database).tableName(ObjectKeys.TABLE)
                .partitionInputList(inputs)).errors();
        Set<LocalDate> notCreated = new HashSet<>();
        for (PartitionError error : errors) {
            LocalDate date = LocalDate.parse(error.partitionValues().get(0));
            notCreated.add(date);
            // AlreadyExists: another sink, or the crawler, registered it first, as good as ours
            if (!"AlreadyExistsException".equals(error.errorDetail().errorCode())) {
                LOG.warn("Partition dt={} of {}.{} not registered, the crawler will: {} {}", date, database, ObjectKeys.TABLE,
                        error.errorDetail().errorCode(), error.errorDetail().errorMessage());
            }
        }
        List<String> created = dates.stream().filter(d -> !notCreated.contains(d)).map(d -> "dt=" + d).toList();
        if (!created.isEmpty()) {
            LOG.info("Registered {} in {}.{}: queryable now, before any crawl", String.join(", ", created), database,
                    ObjectKeys.TABLE);
        }
    }
}
