package aws;

import lake.ObjectKeys;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
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
 * per batch. Dates stored before the first crawl made the table wait for it: until the table exists, each batch
 * with dates asks Glue for it once, and the waiting dates go with the first call that finds it.
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
    private final Set<LocalDate> untried = new TreeSet<>();
    private boolean toldNoTable;

    public GluePartitions(GlueClient glue, String database, String bucket, ObjectKeys folders) {
        this.glue = glue;
        this.database = database;
        this.bucket = bucket;
        this.folders = folders;
    }

    /** Registers the dates this process has not tried yet, those stored before the table existed among them. */
    public synchronized void register(Collection<LocalDate> dates) {
        untried.addAll(dates);
        untried.removeAll(tried);
        if (untried.isEmpty()) {
            return;
        }
        StorageDescriptor table;
        try {
            table = glue.getTable(r -> r.databaseName(database).name(ObjectKeys.TABLE)).table().storageDescriptor();
        } catch (EntityNotFoundException e) {
            // the first crawl makes the table; the dates stored until then stay untried
            if (!toldNoTable) {
                LOG.info("Glue table {}.{} does not exist yet: new dt= partitions wait for the first crawl, which creates it",
                        database, ObjectKeys.TABLE);
                toldNoTable = true;
            }
            return;
        } catch (SdkException e) {
            // a Glue that is down or denies is not asked again for the same dates
            tried.addAll(untried);
            untried.clear();
            throw e;
        }
        List<LocalDate> fresh = List.copyOf(untried);
        tried.addAll(fresh);
        untried.clear();
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
