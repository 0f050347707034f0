package org.forecast4j.core.events;

import java.util.ArrayList;
import java.util.List;

/** Bad-row bookkeeping shared by the readers: applies the {@link BadRowPolicy}, counts and keeps messages. */
final class BadRows {

    private final String source;
    private final BadRowPolicy policy;
    private final List<String> messages = new ArrayList<>();
    private long count;

    BadRows(String source, BadRowPolicy policy) {
        this.source = source;
        this.policy = policy;
    }

    /** Records a bad row; throws under FAIL. */
    void report(long line, String detail) {
        if (policy == BadRowPolicy.FAIL) {
            throw new EventParseException(source, line, detail);
        }
        count++;
        if (messages.size() < ReadReport.MAX_MESSAGES) {
            messages.add(source + ":" + line + ": " + detail);
        }
    }

    long count() {
        return count;
    }

    ReadReport report(long rows, long events) {
        return new ReadReport(source, rows, events, count, messages);
    }
}
