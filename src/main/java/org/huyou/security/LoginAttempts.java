package org.huyou.security;

import static org.huyou.security.LoginJournalProblems.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.huyou.common.io.PrivateFiles;

/**
 * The login lockout counters and the login events that wait for the database, as an append-only journal
 * ({@code login-journal.txt} in the data folder) rather than values rewritten in the keyring.
 *
 * <p><b>Two programs on one folder.</b> Every change is read-replay-append under an OS {@link FileLock} (and a lock
 * per JVM, since one JVM cannot hold two OS locks on one file): the counters are the replay of every line, so a second
 * writer adds its failures to the first's instead of overwriting them, and a lock set by one program holds in the other.
 *
 * <p><b>Tamper evidence, not prevention.</b> Nothing before login holds a secret the person at the keyboard lacks, so
 * the journal cannot stop its own editing. Each line carries a sequence number, the previous line's hash and its own
 * (a chain), and an HMAC under a per-installation key kept outside the data folder (the user profile, 0600). At each
 * successful login the chain head is stored in the database (encrypted with it on an embedded home) and the next
 * login checks the journal against it: a line edited or removed, a gap, a rollback to an older journal, or a journal
 * deleted is found then, audited and shown to the administrators. It does not protect against someone who replaces the
 * whole data folder (database and journal) with an older copy of both, nor against an editor who holds the OS user's
 * profile too (the HMAC key) and rewrites the chain consistently up to the head the database last saw; and a lock
 * undone by an edit still let the guessing happen before it was noticed.
 */
public final class LoginAttempts {

    public static final String FILE = "login-journal.txt";
    static final String LOCK_FILE = "login-journal.lock";
    /** A journal this long is summarised before login (a flood of made-up names), which the next check reports. */
    static final int FLOOD_LINES = 20_000;

    private static final String ZERO = "0".repeat(64);
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    /** The HMAC key and the journal's last head, kept outside the data folder. */
    private final JournalKeyFolder keyFolder;

    private final Map<String, String> legacyLocks;
    /** The checkpoints' and damage notes' times (the counted tries get theirs from the caller). */
    private final Clock clock;

    /**
     * @param keyDir      where the HMAC key lives (outside the data folder), or null for none
     * @param legacyLocks locks in force in an older keyring ({@code counter → until}), carried into a new journal
     * @param clock       its own times (the app's, so tests can move time)
     */
    public LoginAttempts(Path dataDir, Path keyDir, Map<String, String> legacyLocks, Clock clock) {
        this.clock = clock;
        this.file = dataDir.resolve(FILE);
        this.lockFile = dataDir.resolve(LOCK_FILE);
        this.keyFolder = new JournalKeyFolder(keyDir, dataDir);
        this.legacyLocks = Map.copyOf(legacyLocks);
    }

    /**
     * A new home (or a PC's new keyring for a server) at this data folder: the chain head this installation kept for
     * the folder belonged to the home that was here before, which is gone with its keyring (its database cannot be
     * opened without it). Kept, it made the first login of the new home warn that the login journal was deleted.
     */
    void forgetEarlierHome() {
        keyFolder.forgetHead();
    }

    /** One counter's state, as replayed. */
    record Counter(int failed, Instant lockedUntil) {
        static final Counter NONE = new Counter(0, null);
    }

    /** The outcome of one counted try. */
    sealed interface Outcome permits Passed, Failed, LockedOut {}

    record Passed(byte[] secret) implements Outcome {}

    record Failed(int attemptsLeft) implements Outcome {}

    record LockedOut(Instant until) implements Outcome {}

    /**
     * One counted try of {@code check} for {@code counter}: refused while locked, else the check runs (outside the
     * lock: an Argon2 run must not hold up another program), then a failure is appended and counted against the
     * journal as it is then, so another program's failures in between count too.
     */
    Outcome attempt(
            String counter,
            String name,
            Instant now,
            int maxAttempts,
            int lockMinutes,
            String failAction,
            Supplier<byte[]> check) {
        Instant until = withLock(j -> {
            Counter c = j.state.getOrDefault(counter, Counter.NONE);
            if (c.lockedUntil() != null && c.lockedUntil().isAfter(now)) {
                j.append(now, "REFUSED", counter, name, c.lockedUntil().toString());
                return c.lockedUntil();
            }
            return null;
        });
        if (until != null) {
            return new LockedOut(until);
        }
        byte[] secret = check.get();
        return withLock(j -> {
            Counter c = j.state.getOrDefault(counter, Counter.NONE);
            boolean lockedMeanwhile = c.lockedUntil() != null && c.lockedUntil().isAfter(now);
            if (secret != null && lockedMeanwhile) {
                // another program's failures locked the account while this try ran: the lock wins (parallel
                // guesses cannot slip a lucky one past it)
                j.append(now, "REFUSED", counter, name, c.lockedUntil().toString());
                return new LockedOut(c.lockedUntil());
            }
            if (secret != null) {
                j.append(now, "OK", counter, name, "");
                return new Passed(secret);
            }
            if (lockedMeanwhile) {
                j.append(now, "FAIL", counter, name, failAction);
                return new LockedOut(c.lockedUntil());
            }
            int failed = c.failed() + 1;
            j.append(now, "FAIL", counter, name, failAction);
            if (failed >= maxAttempts) {
                Instant lock = now.plus(Duration.ofMinutes(lockMinutes));
                j.append(now, "LOCK", counter, name, lock.toString());
                return new LockedOut(lock);
            }
            return new Failed(maxAttempts - failed);
        });
    }

    /** Until when {@code counter} is locked, if it is at {@code now}. */
    Optional<Instant> lockedUntil(String counter, Instant now) {
        return withLock(j -> Optional.ofNullable(
                        j.state.getOrDefault(counter, Counter.NONE).lockedUntil())
                .filter(u -> u.isAfter(now)));
    }

    /** Sets {@code counter} back to no failures and no lock (an administrator's decision, a new password). */
    void reset(String counter, Instant now) {
        withLock(j -> {
            Counter c = j.state.get(counter);
            if (c != null && (c.failed() > 0 || c.lockedUntil() != null)) {
                j.append(now, "UNLOCK", counter, "", "");
            }
            return null;
        });
    }

    /** The journal's id (made with it): which journal a stored head belongs to. */
    String journalId() {
        return withLock(j -> j.id);
    }

    /** Where the chain stood at a successful login, kept in the database: {@code id:seq:hash}. */
    public record Anchor(String journalId, long seq, String hash) {
        public static Optional<Anchor> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String[] p = text.split(":");
            try {
                return p.length == 3 ? Optional.of(new Anchor(p[0], Long.parseLong(p[1]), p[2])) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public String toString() {
            return journalId + ":" + seq + ":" + hash;
        }
    }

    /**
     * A successful login's hand-over, holding the journal's lock until closed: the events waiting since the last
     * login, what the check against the last stored head found, and the new head to store. {@link #commit} (after the
     * database took the events and the head) writes the journal anew as one checkpoint line continuing the chain.
     */
    public final class Handover implements AutoCloseable {
        private final Journal journal;
        private final List<Keyring.PendingEvent> events;
        private final List<String> problems;
        private final String checkpoint;
        private final Anchor anchor;
        private boolean closed;

        private Handover(Journal journal, List<Keyring.PendingEvent> events, List<String> problems) {
            this.journal = journal;
            this.events = List.copyOf(events);
            this.problems = List.copyOf(problems);
            JournalLine last = journal.lines.isEmpty() ? null : journal.lines.get(journal.lines.size() - 1);
            this.checkpoint = journal.lineText(
                    last == null ? 1 : last.seq() + 1,
                    last == null ? ZERO : last.hash(),
                    clock.instant(),
                    "CHECKPOINT",
                    "",
                    "",
                    journal.snapshot());
            JournalLine l = JournalLine.parse(checkpoint);
            this.anchor = new Anchor(journal.id, l.seq(), l.hash());
        }

        public List<Keyring.PendingEvent> events() {
            return events;
        }

        /** Each problem found, as stored: {@link #problem} codes (see {@link #describe}) joined by "; ". */
        public List<String> problems() {
            return problems;
        }

        public Anchor anchor() {
            return anchor;
        }

        public void commit() {
            journal.replaceWith(List.of(checkpoint));
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                journal.release();
            }
        }
    }

    /** Begins a successful login's hand-over against the head the database last stored ({@code previous}). */
    public Handover handOver(Optional<Anchor> previous) {
        Journal j = open();
        try {
            List<String> problems = new ArrayList<>(new LinkedHashSet<>(j.damageSinceCheckpoint()));
            previous.ifPresent(a -> problems.addAll(j.check(a)));
            return new Handover(j, j.pending(), problems);
        } catch (RuntimeException e) {
            j.release();
            throw e;
        }
    }

    private interface JournalWork<T> {
        T run(Journal j);
    }

    private <T> T withLock(JournalWork<T> work) {
        Journal j = open();
        try {
            T result = work.run(j);
            if (j.lines.size() > FLOOD_LINES) {
                j.summariseFlood();
            }
            return result;
        } finally {
            j.release();
        }
    }

    /** Takes the locks (this JVM's, then the OS's) and reads the journal. */
    private Journal open() {
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        jvm.lock();
        FileChannel channel = null;
        try {
            PrivateFiles.createFolder(file.getParent());
            if (!Files.exists(lockFile)) {
                try {
                    Files.createFile(lockFile);
                    PrivateFiles.restrict(lockFile); // empty, but the folder's files are all the user's own
                } catch (FileAlreadyExistsException raced) {
                    // another program made it a moment ago
                }
            }
            channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            FileLock os = channel.lock();
            return new Journal(jvm, channel, os);
        } catch (IOException | RuntimeException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            jvm.unlock();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The journal as read under the locks: its lines, the counters they replay to, and any damage seen. */
    private final class Journal {
        final ReentrantLock jvm;
        final FileChannel channel;
        final FileLock os;
        final byte[] macKey;
        final boolean keyIsNew;
        final List<JournalLine> lines = new ArrayList<>();
        final List<String> damage = new ArrayList<>();
        Map<String, Counter> state = new LinkedHashMap<>();
        String id;

        Journal(ReentrantLock jvm, FileChannel channel, FileLock os) throws IOException {
            this.jvm = jvm;
            this.channel = channel;
            this.os = os;
            boolean hadKey = keyFolder.hasKey();
            this.macKey = keyFolder.key();
            this.keyIsNew = !hadKey;
            List<String> text = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            if (text.isEmpty()) {
                boolean hadHead = keyFolder.hasHead();
                start();
                if (hadHead) {
                    damage.add(problem("loginJournal.problem.deleted"));
                }
            } else {
                read(text);
            }
            recordDamage();
        }

        /**
         * Damage seen by any program's read goes into the journal at once (chained like any line), so the next login
         * reports it even when a failed try in between moved the head past the cut.
         */
        private void recordDamage() {
            if (damage.isEmpty()) {
                return;
            }
            String text = String.join(LoginJournalProblems.SEPARATOR, damage).replaceAll("[\\t\\r\\n]", " ");
            List<String> already = damageSinceCheckpoint();
            if (already.isEmpty() || !already.get(already.size() - 1).equals(text)) {
                append(clock.instant(), "DAMAGE", "", "", text);
            }
        }

        List<String> damageSinceCheckpoint() {
            List<String> found = new ArrayList<>();
            for (JournalLine l : lines) {
                if (l.type().equals("CHECKPOINT")) {
                    found.clear();
                } else if (l.type().equals("DAMAGE")) {
                    found.add(l.data());
                }
            }
            return found;
        }

        /** A new journal: an id, and the locks an older keyring had in force. */
        private void start() {
            id = UUID.randomUUID().toString().replace("-", "");
            for (Map.Entry<String, String> e : legacyLocks.entrySet()) {
                state.put(e.getKey(), new Counter(0, Instant.parse(e.getValue())));
            }
            String first = lineText(1, ZERO, clock.instant(), "CHECKPOINT", "", "", snapshot());
            replaceWith(List.of(first));
            lines.add(JournalLine.parse(first));
        }

        private void read(List<String> text) {
            JournalLine before = null;
            int badMac = 0;
            long firstBadMac = -1;
            for (String t : text) {
                if (t.isBlank()) {
                    continue;
                }
                JournalLine l = JournalLine.parse(t);
                if (l == null) {
                    damage.add(
                            before == null
                                    ? problem("loginJournal.problem.notALineAtStart")
                                    : problem("loginJournal.problem.notALineAfter", before.seq()));
                    continue;
                }
                if (!l.hash().equals(hash(l.prev(), l.content()))) {
                    damage.add(problem("loginJournal.problem.lineEdited", l.seq()));
                } else if (before != null && l.seq() != before.seq() + 1) {
                    damage.add(problem("loginJournal.problem.linesMissing", before.seq() + 1, l.seq() - 1));
                } else if (before != null && !l.prev().equals(before.hash())) {
                    damage.add(problem("loginJournal.problem.outOfOrder", l.seq(), before.seq()));
                }
                if (macKey != null && !l.mac().equals(mac(l.hash()))) {
                    badMac++;
                    firstBadMac = firstBadMac < 0 ? l.seq() : firstBadMac;
                }
                apply(l);
                lines.add(l);
                before = l;
            }
            if (badMac > 0) {
                damage.add(
                        keyIsNew
                                ? problem("loginJournal.problem.keyIsNew")
                                : problem("loginJournal.problem.unsigned", badMac, firstBadMac));
            }
            if (id == null) {
                id = "unknown";
                damage.add(problem("loginJournal.problem.noFirstCheckpoint"));
            }
            checkHead();
        }

        /** The journal against its last line as this installation last wrote it (outside the data folder). */
        private void checkHead() {
            String[] h = keyFolder.head();
            if (h == null || h.length != 3 || lines.isEmpty()) {
                return;
            }
            JournalLine last = lines.get(lines.size() - 1);
            long seq = Long.parseLong(h[1]);
            if (!h[0].equals(id)) {
                damage.add(problem("loginJournal.problem.replacedHere"));
            } else if (seq > last.seq()) {
                damage.add(problem("loginJournal.problem.cutHere", last.seq(), seq));
            } else if (lines.stream().anyMatch(l -> l.seq() == seq && !l.hash().equals(h[2]))) {
                damage.add(problem("loginJournal.problem.rewrittenHere", seq));
            }
        }

        /** Keeps the last line's place and hash beside the key (best effort: the data folder's journal rules). */
        private void writeHead(JournalLine last) {
            keyFolder.writeHead(id + " " + last.seq() + " " + last.hash());
        }

        private void apply(JournalLine l) {
            Counter c = state.getOrDefault(l.counter(), Counter.NONE);
            switch (l.type()) {
                case "FAIL" -> state.put(l.counter(), new Counter(c.failed() + 1, c.lockedUntil()));
                case "LOCK" -> state.put(l.counter(), new Counter(0, Instant.parse(l.data())));
                case "OK", "UNLOCK" -> state.remove(l.counter());
                case "CHECKPOINT" -> restore(l.data());
                default -> {
                    // REFUSED changes no counter
                }
            }
        }

        /** {@code id=...;flood=N;counter=failed,until;...} */
        private void restore(String data) {
            state = new LinkedHashMap<>();
            for (String part : data.split(";")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2) {
                    continue;
                }
                if (kv[0].equals("id")) {
                    id = kv[1];
                } else if (!kv[0].equals("flood")) {
                    String[] v = kv[1].split(",", 2);
                    state.put(
                            kv[0],
                            new Counter(
                                    Integer.parseInt(v[0]),
                                    v.length < 2 || v[1].isEmpty() ? null : Instant.parse(v[1])));
                }
            }
        }

        String snapshot() {
            StringBuilder b = new StringBuilder("id=").append(id);
            state.forEach((k, c) -> {
                if (c.failed() > 0 || c.lockedUntil() != null) {
                    b.append(';')
                            .append(k)
                            .append('=')
                            .append(c.failed())
                            .append(',')
                            .append(
                                    c.lockedUntil() == null
                                            ? ""
                                            : c.lockedUntil().toString());
                }
            });
            return b.toString();
        }

        /** The events since the last checkpoint, for the audit log. */
        List<Keyring.PendingEvent> pending() {
            List<Keyring.PendingEvent> events = new ArrayList<>();
            for (JournalLine l : lines) {
                if (l.type().equals("CHECKPOINT")) {
                    events.clear();
                    if (l.data().contains(";flood=")) {
                        events.add(new Keyring.PendingEvent(Instant.parse(l.at()), "", "LOGIN_EVENTS_SUMMARISED"));
                    }
                    continue;
                }
                String action = switch (l.type()) {
                    case "FAIL" -> l.data();
                    case "LOCK" -> "ACCOUNT_LOCKED";
                    case "REFUSED" -> "LOGIN_REFUSED_LOCKED";
                    default -> null;
                };
                if (action != null) {
                    events.add(new Keyring.PendingEvent(Instant.parse(l.at()), l.name(), action));
                }
            }
            return events;
        }

        /** The journal against the head the database stored at the last login. */
        List<String> check(Anchor a) {
            List<String> found = new ArrayList<>();
            if (!a.journalId().equals(id)) {
                found.add(problem("loginJournal.problem.replacedSinceLogin"));
                return found;
            }
            JournalLine first = lines.get(0);
            JournalLine last = lines.get(lines.size() - 1);
            Optional<JournalLine> same =
                    lines.stream().filter(l -> l.seq() == a.seq()).findFirst();
            if (same.isPresent()) {
                if (!same.get().hash().equals(a.hash())) {
                    found.add(problem("loginJournal.problem.rewrittenSinceLogin", a.seq()));
                }
            } else if (a.seq() > last.seq()) {
                found.add(problem("loginJournal.problem.cutSinceLogin", last.seq(), a.seq()));
            } else if (first.type().equals("CHECKPOINT") && first.data().contains(";flood=")) {
                found.add(problem("loginJournal.problem.flood", a.seq(), first.seq()));
            } else if (!(first.seq() == a.seq() + 1 && first.prev().equals(a.hash()))) {
                found.add(problem("loginJournal.problem.missingSinceLogin", a.seq(), first.seq()));
            }
            return found;
        }

        void append(Instant at, String type, String counter, String name, String data) {
            JournalLine last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            String text = lineText(
                    last == null ? 1 : last.seq() + 1,
                    last == null ? ZERO : last.hash(),
                    at,
                    type,
                    counter,
                    clean(name),
                    data);
            try {
                Files.writeString(
                        file,
                        text + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.SYNC);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JournalLine l = JournalLine.parse(text);
            apply(l);
            lines.add(l);
            writeHead(l);
        }

        /** A flood of failures (made-up names): the journal becomes one checkpoint, dropping made-up names' counters. */
        void summariseFlood() {
            state.keySet().removeIf(k -> k.startsWith("unknown."));
            JournalLine last = lines.get(lines.size() - 1);
            String text = lineText(
                    last.seq() + 1,
                    last.hash(),
                    clock.instant(),
                    "CHECKPOINT",
                    "",
                    "",
                    snapshot() + ";flood=" + lines.size());
            replaceWith(List.of(text));
            lines.clear();
            lines.add(JournalLine.parse(text));
        }

        String lineText(long seq, String prev, Instant at, String type, String counter, String name, String data) {
            String content = seq + "\t" + at + "\t" + type + "\t" + counter + "\t" + name + "\t" + data;
            String h = hash(prev, content);
            return content + "\t" + prev + "\t" + h + "\t" + (macKey == null ? "-" : mac(h));
        }

        void replaceWith(List<String> text) {
            try {
                Path tmp = file.resolveSibling(FILE + ".tmp");
                Files.deleteIfExists(tmp);
                Files.createFile(tmp);
                PrivateFiles.restrict(tmp);
                Files.write(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            writeHead(JournalLine.parse(text.get(text.size() - 1)));
        }

        String mac(String hash) {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(macKey, "HmacSHA256"));
                return KeyWrap.hex(m.doFinal(hash.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        }

        void release() {
            try {
                os.release();
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the OS lock in any case
            } finally {
                jvm.unlock();
            }
        }
    }

    static String hash(String prev, String content) {
        try {
            return KeyWrap.hex(MessageDigest.getInstance("SHA-256")
                    .digest((prev + "\n" + content).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A typed name as a line can hold it: no tabs or line breaks, at most 40 characters. */
    private static String clean(String name) {
        String n = name == null ? "" : name.replaceAll("[\\t\\r\\n]", " ");
        return n.length() <= 40 ? n : n.substring(0, 40) + "…";
    }
}
