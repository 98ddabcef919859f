package catalog;

/** A crawl that ended other than SUCCEEDED, or did not end in time. */
public class CrawlFailedException extends RuntimeException {

    public CrawlFailedException(String message) {
        super(message);
    }
}
