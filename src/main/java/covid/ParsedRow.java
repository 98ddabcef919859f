package covid;

/** What one CSV record turns into: a row for the topic, or a rejection for the dead-letter topic. */
public sealed interface ParsedRow permits CountyRow, RowRejection {

    /** The record's line in the source file (the header is line 1). */
    long line();
}
