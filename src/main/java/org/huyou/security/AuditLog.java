package org.huyou.security;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.Csv;
import org.huyou.common.io.WriteBeside;
import org.huyou.db.BeforeCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: every service writes here who did what to which record, and what changed. Append-only: nothing
 * here or anywhere else changes or deletes a row. Directors and administrators browse and export it.
 */
public final class AuditLog {

    public static final String LOGIN = "LOGIN";
    public static final String LOGOUT = "LOGOUT";
    public static final String LOCK = "LOCK";
    public static final String CREATE = "CREATE";
    public static final String EDIT = "EDIT";
    public static final String VOID = "VOID";
    public static final String READ = "READ";
    public static final String EXPORT = "EXPORT";
    public static final String IMPORT = "IMPORT";
    public static final String BACKUP = "BACKUP";
    public static final String RESTORE = "RESTORE";
    public static final String PERMISSION = "PERMISSION";
    /** Something done despite a safety warning, with the reason given (an order despite an allergy). */
    public static final String OVERRIDE = "OVERRIDE";
    /** A password set with the recovery key (the row's user is {@link Keyring#RECOVERY_ACTOR}). */
    public static final String RECOVERY = "RECOVERY";

    public static final String RECOVERY_KEY_CHANGED = "RECOVERY_KEY_CHANGED";
    /** The database's file key replaced: the database re-encrypted, the key rewrapped for the remaining holders. */
    public static final String FILE_KEY_ROTATED = "FILE_KEY_ROTATED";
    /** The sealed key replaced: sealed texts re-sealed, the key given to the remaining holders with endorsements. */
    public static final String SEALED_KEY_ROTATED = "SEALED_KEY_ROTATED";

    public static final String REFUSED = "REFUSED";
    /** Personal data removed by a retention rule (visitors' names, documents, phones and their printed slips). */
    public static final String PERSONAL_DATA_REMOVED = "PERSONAL_DATA_REMOVED";
    /** The login journal's check found it edited, cut or replaced (see LoginAttempts), or an administrator saw that. */
    public static final String LOGIN_JOURNAL_ALERT = "LOGIN_JOURNAL_ALERT";
    /** A login or recovery refused: the keyring is an older copy put back (see KeyringRecord). */
    public static final String KEYRING_REFUSED = "KEYRING_REFUSED";
    /** Written from the keyring's pending events: what happened at the login screen while the database was closed. */
    public static final String LOGIN_FAILED = "LOGIN_FAILED";

    public static final String LOGIN_REFUSED_LOCKED = "LOGIN_REFUSED_LOCKED";
    public static final String RECOVERY_FAILED = "RECOVERY_FAILED";
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    /** Every action a row can carry, in the order the audit screen's filter lists them. */
    public static final List<String> ACTIONS = List.of(
            LOGIN,
            LOGIN_FAILED,
            LOGIN_REFUSED_LOCKED,
            ACCOUNT_LOCKED,
            LOGOUT,
            LOCK,
            READ,
            CREATE,
            EDIT,
            VOID,
            OVERRIDE,
            EXPORT,
            IMPORT,
            BACKUP,
            RESTORE,
            PERMISSION,
            REFUSED,
            RECOVERY,
            RECOVERY_FAILED,
            RECOVERY_KEY_CHANGED,
            FILE_KEY_ROTATED,
            SEALED_KEY_ROTATED,
            LOGIN_JOURNAL_ALERT,
            KEYRING_REFUSED,
            PERSONAL_DATA_REMOVED);
    /** Refusals of one user for one permission are written at most once a minute; all refusals at most 20 a minute. */
    static final long REFUSAL_WINDOW_MS = 60_000;

    static final int REFUSALS_PER_WINDOW = 20;

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditRepository repo;
    private final CurrentUser user;
    private final Clock clock;
    /** The last verification of the chain (at login, or on the audit screen); null before the first. */
    private volatile AuditVerifier.Result lastCheck;

    public AuditLog(AuditRepository repo, CurrentUser user, Clock clock) {
        this.repo = repo;
        this.user = user;
        this.clock = clock;
        user.onRefused(this::recordRefusal);
    }

    /** Services call this on the user's behalf, inside the transaction of the change it describes. */
    @AnyUser
    public void record(String action, String entity, Object entityId, AuditSummary summary, String changes) {
        append(List.of(AuditEntry.of(
                LocalDateTime.now(clock),
                user.username(),
                action,
                entity,
                entityId == null ? null : String.valueOf(entityId),
                summary,
                changes)));
    }

    /**
     * Inside a transaction the rows wait for its end and go in together ({@link BeforeCommit}): the chain's head is
     * locked only for the last moments of the save, not for all of it, so PCs saving at once do not queue on it.
     */
    private void append(List<AuditEntry> entries) {
        boolean deferred = false;
        for (AuditEntry e : entries) {
            deferred = BeforeCommit.collect(repo, e, repo::insertAll);
        }
        if (!deferred) {
            repo.insertAll(entries);
        }
    }

    /** What one row of {@link #recordAll} says: as {@link #record}'s arguments. */
    public record Change(String action, String entity, Object entityId, AuditSummary summary, String changes) {}

    /** Many rows at once in the user's name (an import), chained in their order, inside the caller's transaction. */
    @AnyUser
    public void recordAll(List<Change> changes) {
        append(entries(changes));
    }

    /**
     * As {@link #recordAll}, written at once rather than left to the end of the transaction: the rows of an import's
     * chunk, committed with it ({@link org.huyou.db.Transactions#inChunks}).
     */
    @AnyUser
    public void recordAllNow(List<Change> changes) {
        repo.insertAll(entries(changes));
    }

    /** Where the chain stands, sealed: an import in chunks keeps it to undo its own rows if it is cut off. */
    @AnyUser
    public AuditRepository.Head sealedHead() {
        return repo.sealedHead();
    }

    /** See {@link AuditRepository#dropUnfinishedImport}. */
    @AnyUser
    public int dropUnfinishedImport(long seq, String hash, String importer) {
        return repo.dropUnfinishedImport(seq, hash, importer);
    }

    /** A row the program writes itself, in the name 系统 (an unfinished import undone at a start). */
    @AnyUser
    public void recordBySystem(String action, String entity, AuditSummary summary) {
        recordAs(CurrentUser.SYSTEM, action, entity, null, summary);
    }

    private List<AuditEntry> entries(List<Change> changes) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<AuditEntry> entries = new ArrayList<>(changes.size());
        for (Change c : changes) {
            entries.add(AuditEntry.of(
                    now,
                    user.username(),
                    c.action(),
                    c.entity(),
                    c.entityId() == null ? null : String.valueOf(c.entityId()),
                    c.summary(),
                    c.changes()));
        }
        return entries;
    }

    /** Per user and permission: when its last row was written, and how many refusals went unwritten since. */
    private final Map<String, long[]> refusals = new HashMap<>();

    private long windowStart;
    private int writtenInWindow;

    /**
     * A refused call (who, what, when), as {@link CurrentUser} reports it. A loop that keeps calling cannot flood the
     * log: the same user and permission get one row a minute, whose summary counts the refusals left unwritten
     * before it, and no more than {@link #REFUSALS_PER_WINDOW} refusal rows are written in any minute.
     */
    void recordRefusal(String username, Permission p) {
        long now = clock.millis();
        String key = username + "|" + p.module() + "|" + p.action();
        int skipped;
        synchronized (refusals) {
            if (now - windowStart >= REFUSAL_WINDOW_MS) {
                windowStart = now;
                writtenInWindow = 0;
            }
            long[] last = refusals.computeIfAbsent(key, k -> new long[] {Long.MIN_VALUE, 0});
            if ((last[0] != Long.MIN_VALUE && now - last[0] < REFUSAL_WINDOW_MS)
                    || writtenInWindow >= REFUSALS_PER_WINDOW) {
                last[1]++;
                return;
            }
            skipped = (int) last[1];
            last[0] = now;
            last[1] = 0;
            writtenInWindow++;
        }
        repo.insert(AuditEntry.of(
                LocalDateTime.now(clock),
                username,
                REFUSED,
                "permission",
                p.module() + "." + p.action(),
                skipped == 0 ? null : AuditSummary.of("auditSummary.refusedSkipped", skipped),
                null));
    }

    /** A row in the name of a user whose session already ended (its lock or logout). */
    void recordAs(String username, String action, String entity, Object entityId) {
        repo.insert(new AuditEntry(
                null,
                LocalDateTime.now(clock),
                username,
                action,
                entity,
                entityId == null ? null : String.valueOf(entityId),
                null,
                null,
                null));
    }

    /** A row in the name of someone who is not a logged-in user (the recovery key), with what was done. */
    void recordAs(String username, String action, String entity, Object entityId, AuditSummary summary) {
        repo.insert(AuditEntry.of(
                LocalDateTime.now(clock),
                username,
                action,
                entity,
                entityId == null ? null : String.valueOf(entityId),
                summary,
                null));
    }

    /** Login events kept in the keyring while the database was closed, with their own times and names. */
    void recordPending(List<Keyring.PendingEvent> events) {
        for (Keyring.PendingEvent e : events) {
            repo.insert(new AuditEntry(
                    null,
                    LocalDateTime.ofInstant(e.at(), clock.getZone()),
                    e.username(),
                    e.action(),
                    "account",
                    e.username(),
                    null,
                    null,
                    null));
        }
    }

    /** What a restore carried over from the database it replaced. */
    public record Carried(int rows, String replacedHead) {}

    /**
     * After a restore: the audit rows the replaced database holds beyond the restored one (everything done since the
     * backup was taken, the restore's own "begins" row included) are appended here, each with its own time, user and
     * content, so no action disappears with the database it was recorded in. When the replaced database grew from
     * the restored one (the usual case), the carried rows take the same places and hashes they had there. The
     * restore was authorised before the database was replaced (the session ended with it).
     */
    /**
     * Whether a row of this action, entity and id is in the log: a duty that a crash may cut short after its row and
     * that then runs again (an interrupted restore's record) writes its row once.
     */
    @AnyUser
    public boolean recorded(String action, String entity, String entityId) {
        return repo.count(new AuditFilter(null, action, entity, entityId, null, null)) > 0;
    }

    @AnyUser
    public Carried carryOver(Connection replaced) {
        AuditRepository.Head here = repo.head();
        long afterId = repo.maxId();
        List<AuditEntry> later = AuditRepository.rowsBeyond(replaced, here, afterId);
        for (AuditEntry e : later) {
            repo.insert(e);
        }
        return new Carried(later.size(), AuditRepository.headOf(replaced));
    }

    /** The program's own bookkeeping, not records a restore takes back. */
    private static final java.util.Set<String> NOT_RECORDS =
            java.util.Set.of("database", "keyring", "login_journal", "sealed_texts");

    /**
     * What restoring a copy of this home (a backup, opened read-only) would take back, counted from this audit log:
     * one sentence per kind of record created, changed or voided after the copy's end, and disclosures published
     * since; empty when nothing was. Before a restore, so it is confirmed knowing the loss.
     */
    @RequiresPermission(module = AppModule.BACKUP, action = Action.APPROVE)
    public List<String> lossIfRestored(Connection copy) {
        user.require(AppModule.BACKUP, Action.APPROVE);
        long[] maxId = {0};
        AuditRepository.Head head = AuditRepository.headAndMaxId(copy, maxId);
        List<String> out = new ArrayList<>();
        repo.countsBeyond(head, maxId[0], List.of(CREATE, IMPORT, EDIT, VOID, EXPORT))
                .forEach((entity, byAction) -> {
                    if (NOT_RECORDS.contains(entity)) {
                        return;
                    }
                    String kind = AuditLabels.entity(entity);
                    if (entity.equals("disclosure")) {
                        int published = byAction.getOrDefault(EXPORT, 0) + byAction.getOrDefault(CREATE, 0);
                        if (published > 0) {
                            out.add(Messages.t("restore.lossPublished", kind, published));
                        }
                        return;
                    }
                    int created = byAction.getOrDefault(CREATE, 0) + byAction.getOrDefault(IMPORT, 0);
                    int edited = byAction.getOrDefault(EDIT, 0);
                    int voided = byAction.getOrDefault(VOID, 0);
                    if (created + edited + voided > 0) {
                        out.add(lossLine(kind, created, edited, voided));
                    }
                });
        return out;
    }

    /** Only the kinds of change that happened: "修改 0 条" said nothing and read as if something was counted. */
    static String lossLine(String kind, int created, int edited, int voided) {
        List<String> parts = new ArrayList<>();
        int[] counts = {created, edited, voided};
        String[] keys = {"restore.lossCreated", "restore.lossEdited", "restore.lossVoided"};
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                parts.add(Messages.t(keys[i], counts[i]));
            }
        }
        return Messages.t("restore.lossLine", kind, String.join(Messages.t("restore.lossJoin"), parts));
    }

    /**
     * Recomputes the whole chain, ignoring the checkpoint: whether any row was edited, removed or put in by hand.
     * {@code verify-audit} and 重新校验 on the audit screen.
     */
    @RequiresPermission(module = AppModule.AUDIT, action = Action.VIEW)
    public AuditVerifier.Result verifyChain() {
        user.require(AppModule.AUDIT, Action.VIEW);
        return check(false);
    }

    /**
     * The check made in the background after every login, as the program's own duty (whoever logs in): only the
     * rows after the last checkpoint (see {@link AuditVerifier#verifySince}), so logging in stays quick on years of
     * log. A broken chain is logged at once, and the audit screen shows the result when a director opens it.
     */
    @AnyUser
    public void verifyAtLogin() {
        AuditVerifier.Result r = check(true);
        if (!r.ok()) {
            LOG.warn("The audit log's chain is broken: {}", r);
        }
    }

    /** The last check's result, or a new check when there was none yet: what the audit screen shows. */
    @RequiresPermission(module = AppModule.AUDIT, action = Action.VIEW)
    public AuditVerifier.Result chainStatus() {
        user.require(AppModule.AUDIT, Action.VIEW);
        AuditVerifier.Result r = lastCheck;
        return r != null ? r : check(true);
    }

    /**
     * The rows written since the last checkpoint checked now: the audit screen's refresh, so the number of rows the
     * chain covers is counted at the same moment as the rows it lists (the check made at login misses every row
     * written since).
     */
    @RequiresPermission(module = AppModule.AUDIT, action = Action.VIEW)
    public AuditVerifier.Result checkNow() {
        user.require(AppModule.AUDIT, Action.VIEW);
        return check(true);
    }

    /** A whole chain moves the checkpoint to its head; a broken one leaves it where it was. */
    private AuditVerifier.Result check(boolean sinceCheckpoint) {
        AuditVerifier verifier = new AuditVerifier(repo);
        AuditVerifier.Result r = sinceCheckpoint
                ? repo.checkpoint()
                        .map(c -> verifier.verifySince(c.lastSeq(), c.lastHash()))
                        .orElseGet(verifier::verify)
                : verifier.verify();
        if (r.ok() && r.entries() > 0) {
            repo.saveCheckpoint(r.entries(), r.headHash(), LocalDateTime.now(clock));
        }
        lastCheck = r;
        LOG.info(
                "Audit chain checked{}: {} rows, {}",
                sinceCheckpoint ? " since the checkpoint" : "",
                r.entries(),
                r.ok() ? "whole" : r.problem());
        return r;
    }

    @RequiresPermission(module = AppModule.AUDIT, action = Action.VIEW)
    public List<AuditEntry> browse(AuditFilter filter, int limit) {
        user.require(AppModule.AUDIT, Action.VIEW);
        return repo.find(filter, limit);
    }

    @RequiresPermission(module = AppModule.AUDIT, action = Action.VIEW)
    public int count(AuditFilter filter) {
        user.require(AppModule.AUDIT, Action.VIEW);
        return repo.count(filter);
    }

    /**
     * Writes the filtered log as CSV (streamed, newest first as the screen lists it), and logs the export itself. The
     * file reads as the screen does, in the user's language (headers, actions, records, summaries, changes), with
     * the stored codes beside them that a later check may need (the row's number, the login name); UTF-8 with a BOM,
     * so Excel opens Chinese text as such.
     */
    @RequiresPermission(module = AppModule.AUDIT, action = Action.EXPORT)
    public int export(AuditFilter filter, Path out) {
        user.require(AppModule.AUDIT, Action.EXPORT);
        int[] n = {0};
        try {
            WriteBeside.write(out, partial -> writeCsv(filter, partial, n));
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException(e, "export.failed", out);
        }
        record(EXPORT, "audit_log", null, AuditSummary.of("auditSummary.auditExported", out.getFileName(), n[0]), null);
        return n[0];
    }

    /** The log as CSV into a file written beside (owner-only: it names residents and staff). */
    private void writeCsv(AuditFilter filter, Path partial, int[] n) throws IOException {
        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            w.write(Csv.BOM);
            Csv.writeRow(w, EXPORT_COLUMNS.stream().map(Messages::t).toList());
            repo.forEach(filter, Integer.MAX_VALUE, e -> {
                try {
                    Csv.writeRow(
                            w,
                            Arrays.asList(
                                    String.valueOf(e.id()),
                                    at.format(e.at()),
                                    Accounts.displayName(e.username()),
                                    e.username(),
                                    AuditLabels.action(e.action()),
                                    AuditLabels.subject(e),
                                    AuditLabels.summary(e),
                                    AuditLabels.changes(e)));
                    n[0]++;
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }

    /** The export's column headers (message keys), in the order {@link #export} writes the columns. */
    static final List<String> EXPORT_COLUMNS = List.of(
            "audit.col.id",
            "audit.col.at",
            "audit.user",
            "audit.col.login",
            "audit.action",
            "audit.col.entity",
            "audit.col.summary",
            "audit.col.changes");
}
