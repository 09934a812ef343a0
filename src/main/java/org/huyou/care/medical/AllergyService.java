package org.huyou.care.medical;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.huyou.care.CareDomain;
import org.huyou.care.Corrections;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineSource;
import org.huyou.common.Checks;
import org.huyou.common.Messages;
import org.huyou.residents.ResidentWarnings;
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
 * Allergies: recorded by medical staff, shown to everyone who may see the resident (a caregiver must know about
 * a peanut allergy even without access to diagnoses).
 */
public final class AllergyService extends ServiceBase implements ResidentWarnings {

    private final AllergyRepository repo;
    private final Formulary formulary;
    private final FormularyRepository added;

    public AllergyService(
            AllergyRepository repo, Formulary formulary, FormularyRepository added, ServiceContext context) {
        super(context);
        this.repo = repo;
        this.formulary = formulary;
        this.added = added;
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public List<Allergy> current(long residentId) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return repo.current(residentId);
    }

    /** A substance in free text; the drug class it obviously names ("磺胺类药物") is recorded with it. */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public Allergy add(
            long residentId, String substance, String reaction, Allergy.Severity severity, LocalDate notedOn) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        return add(residentId, substance, null, reaction, severity, notedOn, false);
    }

    /**
     * An allergy to a substance or a drug class: {@code drugClass} is a class code, or null for free text, whose class
     * is then looked up among the formulary's synonyms. With a class and no text, the class's name is the text. A
     * substance in which the allergy check recognises no drug, ingredient or class (also not by pinyin: 阿莫西临 is 阿莫西林)
     * is refused with {@link UnmatchedAllergenException} unless {@code unmatchedConfirmed}: the user saw that the check
     * can only find it by its exact name. It then stays marked (see {@link #warningsFor}).
     */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public Allergy add(
            long residentId,
            String substance,
            String drugClass,
            String reaction,
            Allergy.Severity severity,
            LocalDate notedOn,
            boolean unmatchedConfirmed) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        if (drugClass != null && formulary.drugClass(drugClass).isEmpty()) {
            Checks unknownClass = new Checks(LocalDate.now(clock));
            unknownClass.required(
                    "drugClass",
                    "allergy.drugClass",
                    formulary.drugClass(drugClass).orElse(null));
            unknownClass.throwIfAny();
        }
        if ((substance == null || substance.isBlank()) && drugClass != null) {
            substance = DrugClass.label(drugClass);
        }
        String cls = drugClass != null
                ? drugClass
                : formulary.classOfText(substance).map(DrugClass::code).orElse(null);
        Checks checks = new Checks(LocalDate.now(clock)); // its sentences name the field
        String s = checks.text("substance", "allergy.substance", substance, 100, true);
        checks.required("severity", "allergy.severity", severity);
        LocalDate noted = notedOn == null ? LocalDate.now(clock) : notedOn;
        checks.notAfterToday("notedOn", "allergy.notedOn", noted);
        String r = checks.text("reaction", "allergy.reaction", reaction, 200, false);
        checks.throwIfAny();
        if (cls == null && !unmatchedConfirmed && matchedAs(s).isEmpty()) {
            throw new UnmatchedAllergenException(s);
        }
        return tx.inTransaction(() -> {
            long id = repo.insert(residentId, s, cls, r, severity, noted, user.username(), LocalDateTime.now(clock));
            Allergy a = new Allergy(id, residentId, s, cls, r, severity, noted, user.username(), false);
            audit.record(
                    AuditLog.CREATE,
                    "allergy",
                    id,
                    AuditSummary.of("auditSummary.allergy", s, severity),
                    AuditChanges.created(a));
            return a;
        });
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VOID)
    public void voidAllergy(long id, String reason) {
        user.require(AppModule.MEDICAL, Action.VOID);
        Corrections.voidEntry(tx, audit, repo.voidable(user.username(), LocalDateTime.now(clock)), id, reason);
    }

    /**
     * The allergy warning in every resident screen's header; one the check matches to no drug says so, so nobody
     * trusts the check to find it under another name.
     */
    @Override
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public List<String> warningsFor(long residentId) {
        return current(residentId).stream()
                .map(a -> Messages.t(
                        unmatched(a) ? "allergy.warningUnmatched" : "allergy.warning",
                        a.substance(),
                        a.severity().label()))
                .toList();
    }

    /**
     * What the allergy check recognises in an allergy's text ("阿莫西林 · 青霉素类"), for the screen beside it; empty
     * when only the exact name can match.
     */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public Optional<String> matchedAs(String substance) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return formulary.recognised(substance, added.added());
    }

    /** Whether the allergy check matches this allergy only by its exact name. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public boolean unmatched(Allergy a) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return a.drugClass() == null && matchedAs(a.substance()).isEmpty();
    }

    @AnyUser
    public TimelineSource timelineSource() {
        return MedicalTimeline.rows(
                user,
                repo::page,
                a -> new TimelineEntry(
                        CareDomain.MEDICAL,
                        a.id(),
                        a.notedOn(),
                        Messages.t(
                                "allergy.summary",
                                a.substance(),
                                a.severity().label(),
                                a.reaction() == null ? "" : a.reaction()),
                        a.recordedBy(),
                        a.voided(),
                        null,
                        null));
    }
}
