package org.huyou.db;

import java.sql.Statement;

/**
 * Migration 49, H2 only: the identity cache of migration 42 on every other table. A JFR of the demo's load (11,500
 * rows in one transaction) found 42 % of its batch inserts in H2 storing the whole changed file, re-encrypted, each
 * time an identity column had handed out its 32 numbers ({@code Sequence.flush} → {@code MVStore.commit}); a day's
 * single saves pay the same store every 32nd row of a table. The reasons 42 gives hold: H2 writes the real high mark
 * back when it closes, so numbers are skipped only after a crash, and one process hands them out, so they stay in the
 * order rows are written. Not on PostgreSQL (each connection would hold its own numbers).
 */
final class IdentityCaches extends OneDatabaseMigration {

    static final int VERSION = 49;

    IdentityCaches() {
        super(VERSION, "identity caches", H2);
    }

    /** Every table with an identity column that migration 42 did not reach (constant statements, as SQL text must be). */
    @Override
    void apply(Statement st) throws Exception {
        st.execute("ALTER TABLE living_group ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE growth_measurement ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE daily_care_log ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE allergy ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE medical_record ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE medication_order ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE medication_administration ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE caregiver_assignment ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE rehab_plan ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE rehab_goal ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE rehab_session ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE rehab_score ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE education_placement ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE education_plan ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE education_goal ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE education_progress ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE psych_screening ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE risk_assessment ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE counselling_session ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE incident ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE care_plan ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE care_plan_goal ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE plan_review ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE fund ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE goods_item ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE payment_request ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE disclosure ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE volunteer_activity ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE volunteer_signup ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE openday_booking ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE openday_visit ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE capability_assessment ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE transition_plan ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE transition_task_template ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE transition_task ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE transition_payment ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE transition_follow_up ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE allowance_standard ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE allowance_category_change ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE formulary_drug ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE tomorrow_plan_application ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE resident_document ALTER COLUMN id SET CACHE 1000");
        st.execute("ALTER TABLE resident_document_link ALTER COLUMN id SET CACHE 1000");
    }
}
