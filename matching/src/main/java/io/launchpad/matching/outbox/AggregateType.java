package io.launchpad.matching.outbox;

/** What an outbox row describes; the column holds {@link #code()}. */
enum AggregateType {

    SUPPLIER("supplier"),
    CHALLENGE("challenge");

    private final String code;

    AggregateType(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static AggregateType ofCode(String code) {
        for (AggregateType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown aggregate type " + code);
    }
}
