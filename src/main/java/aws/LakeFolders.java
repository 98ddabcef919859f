package aws;

import java.util.Set;
import java.util.TreeSet;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

/** The partition folders ({@code dt=...}) of the lake's table, listed from S3 without reading any object. */
public final class LakeFolders {

    private final S3Client s3;
    private final String bucket;
    private final String tableFolder;

    public LakeFolders(S3Client s3, String bucket, String tableFolder) {
        this.s3 = s3;
        this.bucket = bucket;
        this.tableFolder = tableFolder;
    }

    public Set<String> partitions() {
        Set<String> partitions = new TreeSet<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(tableFolder).delimiter("/")).stream()
                .flatMap(page -> page.commonPrefixes().stream())
                .map(CommonPrefix::prefix)
                .forEach(prefix -> partitions.add(prefix.substring(tableFolder.length(), prefix.length() - 1)));
        return partitions;
    }
}
