package org.huyou.transition;

import java.time.LocalDate;
import org.huyou.common.Coded;

/** One task of a placement plan: what, which department, due when (counted back from the 18th birthday), documents. */
public record Task(
        long id,
        long planId,
        String title,
        Department department,
        LocalDate dueOn,
        String documents,
        Status status,
        LocalDate doneOn,
        String note) {

    public enum Status implements Coded {
        OPEN,
        DONE,
        NOT_NEEDED,
        CANCELLED;

        @Override
        public String labelPrefix() {
            return "taskStatus";
        }
    }

    /** A template line: the task {@code monthsBefore} months before the 18th birthday. */
    public record Template(
            long id, Pathway pathway, String title, Department department, int monthsBefore, String documents) {}
}
