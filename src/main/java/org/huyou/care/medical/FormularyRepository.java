package org.huyou.care.medical;

import static org.huyou.db.generated.Tables.FORMULARY_DRUG;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;

/** Drugs staff added to the formulary (the shipped ones are a file, {@link Formulary}). */
public final class FormularyRepository {

    private final DSLContext dsl;

    public FormularyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(FormularyDrug d, String actor, LocalDateTime now) {
        var f = FORMULARY_DRUG;
        return dsl.insertInto(f)
                .set(f.NAME, d.name())
                .set(f.INGREDIENT, d.ingredient())
                .set(f.DRUG_CLASS, d.drugClass())
                .set(f.FORMS, d.forms())
                .set(f.UNITS, d.units())
                .set(f.CREATED_AT, now)
                .set(f.CREATED_BY, actor)
                .returning(f.ID)
                .fetchOne(f.ID);
    }

    /** The valid added drugs, by name. */
    public List<FormularyDrug> added() {
        var f = FORMULARY_DRUG;
        return dsl.selectFrom(f)
                .where(f.VOIDED_AT.isNull())
                .orderBy(f.NAME, f.ID)
                .fetch(r -> new FormularyDrug(
                        r.getId(), r.getName(), r.getIngredient(), r.getDrugClass(), r.getForms(), r.getUnits()));
    }
}
