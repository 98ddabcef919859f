package local.aws;

/** A table column as the Glue catalog has it: a name and a Hive type such as {@code bigint}. */
record Column(String name, String type) {
}
