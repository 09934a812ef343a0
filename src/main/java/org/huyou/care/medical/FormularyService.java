package org.huyou.care.medical;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.huyou.common.Checks;
import org.huyou.common.Messages;
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
 * The formulary orders are picked from: the shipped file plus drugs medical staff add (with their ingredient and
 * class, so the allergy check covers them too).
 */
public final class FormularyService extends ServiceBase {

    private final Formulary formulary;
    private final FormularyRepository repo;

    public FormularyService(Formulary formulary, FormularyRepository repo, ServiceContext context) {
        super(context);
        this.formulary = formulary;
        this.repo = repo;
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
        Checks checks = new Checks(LocalDate.now(clock)); // its sentences name the field
        String n = checks.text("name", "formulary.name", name, 100, true);
        if (n != null && n.length() <= 100) {
            checks.rule(
                    drugs().stream()
                            .noneMatch(d -> d.name().toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT))),
                    "name",
                    "formulary.duplicate",
                    Messages.t("formulary.name"));
        }
        String i = checks.text("ingredient", "formulary.ingredient", ingredient, 200, true);
        checks.required(
                "drugClass",
                "formulary.class",
                drugClass == null ? null : formulary.drugClass(drugClass).orElse(null));
        if (i != null
                && i.length() <= 200
                && drugClass != null
                && formulary.drugClass(drugClass).isPresent()) {
            // An entry of the wrong class would hide its ingredient from the allergy check's class rules.
            String known = formulary.contradiction(i, drugClass).orElse(null);
            checks.rule(known == null, "drugClass", "formulary.classContradicts", known, DrugClass.label(drugClass));
        }
        String f = checks.text("forms", "formulary.forms", forms, 200, false);
        String u = checks.text("units", "formulary.units", units, 100, false);
        checks.throwIfAny();
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
}
