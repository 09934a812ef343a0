package org.huyou.security;

import java.util.List;
import org.huyou.common.Coded;

/**
 * What a permission is about: a module of the app, or a group of sensitive fields (ID numbers in full, clinical
 * notes) that some roles see and others do not. Later modules add their constants here and rows to the matrix.
 */
public enum AppModule implements Coded {
    RESIDENTS(Action.values()),
    ID_NUMBERS(Action.VIEW),
    CLINICAL_NOTES(Action.VIEW),
    ACCOUNTS(Action.VIEW, Action.CREATE, Action.EDIT),
    AUDIT(Action.VIEW, Action.EXPORT),
    BACKUP(Action.VIEW, Action.CREATE, Action.APPROVE),
    CARE_DAILY(Action.VIEW, Action.CREATE, Action.EDIT, Action.VOID),
    GROWTH(Action.VIEW, Action.CREATE, Action.VOID),
    MEDICAL(Action.VIEW, Action.CREATE, Action.VOID),
    MEDICATION_ROUNDS(Action.VIEW, Action.CREATE, Action.VOID),
    REHABILITATION(Action.VIEW, Action.CREATE, Action.EDIT, Action.VOID),
    EDUCATION(Action.VIEW, Action.CREATE, Action.EDIT, Action.VOID),
    /** Screenings and double assessments; EDIT sets the follow-up schedule per risk grade. */
    PSYCHOLOGY(Action.VIEW, Action.CREATE, Action.EDIT, Action.VOID),
    /** The sealed text of counselling notes: opened one at a time, each with a typed reason that is audited. */
    COUNSELLING_NOTES(Action.VIEW, Action.CREATE),
    /** CREATE without VIEW: staff who witness an incident report it without reading the incident file. */
    INCIDENTS(Action.VIEW, Action.CREATE, Action.EDIT, Action.VOID),
    /** EDIT updates a goal's status; APPROVE approves and reviews the plan (the director). */
    CARE_PLAN(Action.VIEW, Action.CREATE, Action.EDIT, Action.APPROVE, Action.VOID),
    /** The donation ledger: finance records, the director approves large payments, closes months and exports. */
    DONATIONS(Action.VIEW, Action.CREATE, Action.EDIT, Action.APPROVE, Action.EXPORT),
    /** Volunteers: front desk registers; the coordinating social worker records checks and schedules. */
    VOLUNTEERS(Action.VIEW, Action.CREATE, Action.EDIT),
    /** The social open day: EDIT sets the rule, APPROVE approves group bookings (front desk). */
    OPEN_DAY(Action.VIEW, Action.CREATE, Action.EDIT, Action.APPROVE),
    /** Turning eighteen: the social worker assesses and plans, the director approves the pathway. */
    TRANSITION(Action.VIEW, Action.CREATE, Action.EDIT, Action.APPROVE, Action.VOID),
    /** Allowance standards, residents' allowance categories and the monthly roll (director, finance officer). */
    ALLOWANCE(Action.VIEW, Action.EDIT, Action.EXPORT),
    /** The statistics dashboard and the annual report; drilling into a figure also needs that module's VIEW. */
    STATISTICS(Action.VIEW, Action.EXPORT),
    /**
     * The resident's documents (材料): scans and files. Medical kinds also need MEDICAL VIEW; EXPORT saves a copy
     * outside the encrypted home.
     */
    DOCUMENTS(Action.VIEW, Action.CREATE, Action.VOID, Action.EXPORT);

    private final List<Action> actions;

    AppModule(Action... actions) {
        this.actions = List.of(actions);
    }

    /** The actions that mean something for this module: the matrix shows only these. */
    public List<Action> actions() {
        return actions;
    }

    @Override
    public String labelPrefix() {
        return "module";
    }
}
