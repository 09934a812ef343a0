package org.huyou.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.huyou.common.Messages;

/**
 * The problems the login journal ({@link LoginAttempts}) finds in itself, as the journal and the database keep them (a
 * message key and its numbers) and as people read them: in the audit log and as sentences in the reader's language.
 */
public final class LoginJournalProblems {

    /** Where a problem's message key starts: stored problems are translated when shown, in the reader's language. */
    private static final String PROBLEM = "loginJournal.problem.";
    /** How stored problems are joined (a DAMAGE line, the database's alert). */
    public static final String SEPARATOR = "; ";

    /**
     * A problem as the journal and the database keep it: its message key and its numbers, so a program in either
     * language shows it in its own (the journal is shared, and read again by later logins).
     */
    static String problem(String key, Object... numbers) {
        StringBuilder sb = new StringBuilder(key);
        for (Object n : numbers) {
            sb.append(' ').append(n);
        }
        return sb.toString();
    }

    /** Each of the stored problems as an audit clause (an older program's English sentence kept as it was). */
    public static List<AuditSummary> problemSummaries(String stored) {
        List<AuditSummary> out = new ArrayList<>();
        for (String item : stored.split(SEPARATOR)) {
            if (item.isBlank()) {
                continue;
            }
            String[] p = item.strip().split(" ");
            out.add(clause(p[0], (Object[]) Arrays.copyOfRange(p, 1, p.length), item));
        }
        return out;
    }

    /** A stored problem as an audit clause; each key spelled out, so the audit labels' check sees it exists. */
    private static AuditSummary clause(String key, Object[] numbers, String stored) {
        return switch (key) {
            case "loginJournal.problem.cutHere" -> AuditSummary.of("loginJournal.problem.cutHere", numbers);
            case "loginJournal.problem.cutSinceLogin" -> AuditSummary.of("loginJournal.problem.cutSinceLogin", numbers);
            case "loginJournal.problem.deleted" -> AuditSummary.of("loginJournal.problem.deleted", numbers);
            case "loginJournal.problem.flood" -> AuditSummary.of("loginJournal.problem.flood", numbers);
            case "loginJournal.problem.keyIsNew" -> AuditSummary.of("loginJournal.problem.keyIsNew", numbers);
            case "loginJournal.problem.lineEdited" -> AuditSummary.of("loginJournal.problem.lineEdited", numbers);
            case "loginJournal.problem.linesMissing" -> AuditSummary.of("loginJournal.problem.linesMissing", numbers);
            case "loginJournal.problem.missingSinceLogin" ->
                AuditSummary.of("loginJournal.problem.missingSinceLogin", numbers);
            case "loginJournal.problem.noFirstCheckpoint" ->
                AuditSummary.of("loginJournal.problem.noFirstCheckpoint", numbers);
            case "loginJournal.problem.notALineAfter" -> AuditSummary.of("loginJournal.problem.notALineAfter", numbers);
            case "loginJournal.problem.notALineAtStart" ->
                AuditSummary.of("loginJournal.problem.notALineAtStart", numbers);
            case "loginJournal.problem.outOfOrder" -> AuditSummary.of("loginJournal.problem.outOfOrder", numbers);
            case "loginJournal.problem.replacedHere" -> AuditSummary.of("loginJournal.problem.replacedHere", numbers);
            case "loginJournal.problem.replacedSinceLogin" ->
                AuditSummary.of("loginJournal.problem.replacedSinceLogin", numbers);
            case "loginJournal.problem.rewrittenHere" -> AuditSummary.of("loginJournal.problem.rewrittenHere", numbers);
            case "loginJournal.problem.rewrittenSinceLogin" ->
                AuditSummary.of("loginJournal.problem.rewrittenSinceLogin", numbers);
            case "loginJournal.problem.unsigned" -> AuditSummary.of("loginJournal.problem.unsigned", numbers);
            default -> AuditSummary.of("auditSummary.value", stored); // an older program's English sentence
        };
    }

    /** The stored problems as sentences in the current language. */
    public static String describe(String stored) {
        List<String> out = new ArrayList<>();
        for (String item : stored.split(SEPARATOR)) {
            if (item.isBlank()) {
                continue;
            }
            String[] p = item.strip().split(" ");
            // numbers passed as text: MessageFormat would print line 1234 as "1,234"
            out.add(item.startsWith(PROBLEM) ? Messages.t(p[0], (Object[]) Arrays.copyOfRange(p, 1, p.length)) : item);
        }
        return Messages.clauses(out);
    }
}
