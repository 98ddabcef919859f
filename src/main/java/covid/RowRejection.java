package covid;

/** A record that is not a valid county row, with the reason and the record as it was read. */
public record RowRejection(long line, String raw, String reason) implements ParsedRow {
}
