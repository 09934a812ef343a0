package org.huyou.care.medical;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.db.Transactions;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditChanges;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * The formulary orders are picked from: the shipped file plus drugs medical staff add (with their ingredient and
 * class, so the allergy check covers them too).
 */
public final class FormularyService {

    private final Formulary formulary;
    private final FormularyRepository repo;
    private final Transactions tx;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;

    public FormularyService(
            Formulary formulary,
            FormularyRepository repo,
            Transactions tx,
            CurrentUser user,
            AuditLog audit,
            Clock clock) {
        this.formulary = formulary;
        this.repo = repo;
        this.tx = tx;
        this.user = user;
        this.audit = audit;
        this.clock = clock;
    }

    /** The classes an allergy or a drug may name (not sensitive: the allergy form of anyone recording one). */
    @AnyUser
    public List<DrugClass> classes() {
        return formulary.classes();
    }

    /** Every drug that may be ordered: the ones staff added, then the shipped ones, each list by name. */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VIEW)
    public List<FormularyDrug> drugs() {
        user.require(AppModule.MEDICAL, Action.VIEW);
        List<FormularyDrug> all = new ArrayList<>(repo.added());
        all.addAll(formulary.drugs());
        return all;
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public FormularyDrug addDrug(String name, String ingredient, String drugClass, String forms, String units) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        List<FieldError> errors = new ArrayList<>();
        String n = strip(name);
        String i = strip(ingredient);
        if (n == null) {
            errors.add(new FieldError("name", "check.required", Messages.t("formulary.name")));
        } else if (n.length() > 100) {
            errors.add(new FieldError("name", "check.tooLong", Messages.t("formulary.name"), 100));
        } else if (drugs().stream()
                .anyMatch(d -> d.name().toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT)))) {
            errors.add(new FieldError("name", "formulary.duplicate"));
        }
        if (i == null) {
            errors.add(new FieldError("ingredient", "check.required", Messages.t("formulary.ingredient")));
        } else if (i.length() > 200) {
            errors.add(new FieldError("ingredient", "check.tooLong", Messages.t("formulary.ingredient"), 200));
        }
        if (drugClass == null || formulary.drugClass(drugClass).isEmpty()) {
            errors.add(new FieldError("drugClass", "check.required", Messages.t("formulary.class")));
        }
        String f = strip(forms);
        String u = strip(units);
        if (f != null && f.length() > 200) {
            errors.add(new FieldError("forms", "check.tooLong", Messages.t("formulary.forms"), 200));
        }
        if (u != null && u.length() > 100) {
            errors.add(new FieldError("units", "check.tooLong", Messages.t("formulary.units"), 100));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return tx.inTransaction(() -> {
            FormularyDrug draft = new FormularyDrug(0, n, i, drugClass, f, u);
            long id = repo.insert(draft, user.username(), LocalDateTime.now(clock));
            FormularyDrug saved = new FormularyDrug(id, n, i, drugClass, f, u);
            audit.record(
                    AuditLog.CREATE,
                    "formulary_drug",
                    id,
                    AuditSummary.of("auditSummary.value", n),
                    AuditChanges.created(saved));
            return saved;
        });
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
