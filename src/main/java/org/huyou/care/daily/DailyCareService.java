package org.huyou.care.daily;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.huyou.care.CareDomain;
import org.huyou.care.Corrections;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineSource;
import org.huyou.care.daily.DailyCareChoices.Shift;
import org.huyou.common.Checks;
import org.huyou.common.Coded;
import org.huyou.common.Messages;
import org.huyou.db.Voidable;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditChanges;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * The daily care log (养育): one entry per child and shift, recorded for a whole living group in one pass. Saving a
 * shift again replaces a child's changed entry by voiding the old one ("corrected"), so history is kept.
 */
public final class DailyCareService extends ServiceBase {

    private final DailyCareRepository repo;

    public DailyCareService(DailyCareRepository repo, ServiceContext context) {
        super(context);
        this.repo = repo;
    }

    /** What is already recorded for these children on this shift (to fill the quick-entry screen). */
    @RequiresPermission(module = AppModule.CARE_DAILY, action = Action.VIEW)
    public Map<Long, DailyLogEntry> forShift(Collection<Long> residentIds, LocalDate date, Shift shift) {
        user.require(AppModule.CARE_DAILY, Action.VIEW);
        if (residentIds == null || residentIds.isEmpty()) {
            return Map.of();
        }
        return repo.forShift(residentIds, date, shift).stream()
                .collect(Collectors.toMap(DailyLogEntry::residentId, Function.identity(), (a, b) -> b));
    }

    /** Who saved a child's entry of a shift, and when (the shift log shows saved rows apart from defaults). */
    public record SavedStamp(String by, LocalDateTime at) {}

    /** Who last saved each of these children's entries of this shift, and when; children with none are absent. */
    @RequiresPermission(module = AppModule.CARE_DAILY, action = Action.VIEW)
    public Map<Long, SavedStamp> savedStamps(Collection<Long> residentIds, LocalDate date, Shift shift) {
        user.require(AppModule.CARE_DAILY, Action.VIEW);
        return residentIds.isEmpty() ? Map.of() : repo.savedStamps(residentIds, date, shift);
    }

    /**
     * Saves a shift for many children at once, all or nothing; empty rows are skipped. Returns how many changed. Each
     * entry's id is the saved entry the caller showed for that child (null: none); what someone else saved since is
     * refused ({@link ShiftSavedMeanwhileException}), never replaced unseen.
     */
    @RequiresPermission(module = AppModule.CARE_DAILY, action = Action.CREATE)
    public int recordShift(LocalDate date, Shift shift, List<DailyLogEntry> entries) {
        user.require(AppModule.CARE_DAILY, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock)); // its sentences name the field
        checks.pastDate("date", "daily.date", date, "validation.dateRequired.shift");
        checks.required("shift", "daily.shift", shift);
        for (DailyLogEntry e : entries) {
            checks.lines("events", "daily.events", e.events(), 500, false);
            checks.lines("note", "daily.note", e.note(), 1000, false);
        }
        checks.throwIfAny();
        List<DailyLogEntry> filled = entries.stream().filter(e -> !e.isEmpty()).toList();
        List<Long> children = filled.stream().map(DailyLogEntry::residentId).toList();
        return tx.inTransaction(() -> {
            // two PCs saving one group's shift at once: without the lock both saw no entry and both inserted one
            repo.lockChildren(children);
            Map<Long, DailyLogEntry> existing = repo.forShift(children, date, shift).stream()
                    .collect(Collectors.toMap(DailyLogEntry::residentId, Function.identity(), (a, b) -> b));
            refuseWhatWasSavedMeanwhile(filled, existing, date, shift);
            LocalDateTime now = LocalDateTime.now(clock);
            int changed = 0;
            for (DailyLogEntry e : filled) {
                DailyLogEntry clean = clean(e, date, shift);
                DailyLogEntry old = existing.get(e.residentId());
                if (old != null && sameContent(old, clean)) {
                    continue;
                }
                if (old != null) {
                    Voidable logs = repo.voidable(user.username(), now);
                    logs.voidRow(old.id(), Messages.t("daily.corrected"));
                    audit.record(
                            AuditLog.VOID, logs.auditName(), old.id(), AuditSummary.of("auditSummary.corrected"), null);
                }
                long id = repo.insert(clean, user.username(), now);
                audit.record(
                        AuditLog.CREATE,
                        "daily_care_log",
                        id,
                        AuditSummary.of("auditSummary.dailyLog", clean.date(), clean.shift()),
                        AuditChanges.diff(old, clean));
                changed++;
            }
            return changed;
        });
    }

    private DailyLogEntry clean(DailyLogEntry e, LocalDate date, Shift shift) {
        return new DailyLogEntry(
                null,
                e.residentId(),
                date,
                shift,
                e.meals(),
                e.sleep(),
                e.hygiene(),
                e.mood(),
                trim(e.events()),
                trim(e.note()),
                user.username(),
                false);
    }

    /**
     * An entry's id is the saved entry the caller showed for the child (null: none). A child whose live entry is
     * another one now, with other content, was saved by someone else meanwhile: refused, naming who and when.
     */
    private void refuseWhatWasSavedMeanwhile(
            List<DailyLogEntry> filled, Map<Long, DailyLogEntry> existing, LocalDate date, Shift shift) {
        Map<Long, Long> meanwhile = new LinkedHashMap<>();
        for (DailyLogEntry e : filled) {
            DailyLogEntry old = existing.get(e.residentId());
            if (old != null && !old.id().equals(e.id()) && !sameContent(old, clean(e, date, shift))) {
                meanwhile.put(e.residentId(), old.id());
            }
        }
        if (!meanwhile.isEmpty()) {
            SavedStamp last = repo.savedStamps(meanwhile.keySet(), date, shift).values().stream()
                    .max(Comparator.comparing(SavedStamp::at))
                    .orElseThrow();
            throw new ShiftSavedMeanwhileException(Accounts.displayName(last.by()), last.at(), meanwhile);
        }
    }

    @RequiresPermission(module = AppModule.CARE_DAILY, action = Action.VOID)
    public void voidEntry(long id, String reason) {
        user.require(AppModule.CARE_DAILY, Action.VOID);
        Corrections.voidEntry(tx, audit, repo.voidable(user.username(), LocalDateTime.now(clock)), id, reason);
    }

    private static boolean sameContent(DailyLogEntry a, DailyLogEntry b) {
        return a.meals() == b.meals()
                && a.sleep() == b.sleep()
                && a.hygiene() == b.hygiene()
                && a.mood() == b.mood()
                && Objects.equals(trim(a.events()), trim(b.events()))
                && Objects.equals(trim(a.note()), trim(b.note()));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @AnyUser
    public TimelineSource timelineSource() {
        return TimelineSource.rows(
                user,
                CareDomain.UPBRINGING,
                AppModule.CARE_DAILY,
                repo::page,
                e -> new TimelineEntry(
                        CareDomain.UPBRINGING,
                        e.id(),
                        e.date(),
                        summary(e),
                        e.recordedBy(),
                        e.voided(),
                        e.voided() ? repo.voidReason(e.id()) : null,
                        null));
    }

    /** "白班 · 进食：全部 · 睡眠：好 · 情绪：开心 · 事件：…" */
    public static String summary(DailyLogEntry e) {
        List<String> parts = new ArrayList<>();
        parts.add(e.shift().label());
        part(parts, "daily.meals", e.meals());
        part(parts, "daily.sleep", e.sleep());
        part(parts, "daily.hygiene", e.hygiene());
        part(parts, "daily.mood", e.mood());
        if (e.events() != null) {
            parts.add(Messages.t("daily.events") + ": " + e.events());
        }
        if (e.note() != null) {
            parts.add(e.note());
        }
        return String.join(" · ", parts);
    }

    private static void part(List<String> parts, String key, Coded value) {
        if (value != null) {
            parts.add(Messages.t(key) + ": " + value.label());
        }
    }
}
