package org.huyou.db;

import java.sql.Statement;

/**
 * Migration 51, H2 only: one index per column list, not two. H2 gives every foreign key an index of exactly its
 * columns unless the table already has one when the key is added, so these tables kept two identical indexes and
 * wrote each row into both (a resident, a care plan goal, a plan review, a signup...). The explicit copies go; the
 * three keys created before their table's unique constraint on the same column are added again, so that they use it.
 * PostgreSQL indexes no foreign key by itself, so there the explicit indexes are the only ones and stay.
 * {@code RedundantIndexesTest} fails on the next pair.
 */
final class SharedForeignKeyIndexes extends OneDatabaseMigration {

    static final int VERSION = 51;

    SharedForeignKeyIndexes() {
        super(VERSION, "shared foreign key indexes", H2);
    }

    @Override
    void apply(Statement st) throws Exception {
        st.execute("DROP INDEX ix_resident_living_group");
        st.execute("DROP INDEX ix_care_plan_goal_plan");
        st.execute("DROP INDEX ix_education_goal_plan");
        st.execute("DROP INDEX ix_plan_review_care");
        st.execute("DROP INDEX ix_plan_review_education");
        st.execute("DROP INDEX ix_plan_review_rehab");
        st.execute("DROP INDEX ix_rehab_goal_plan");
        st.execute("DROP INDEX ix_resident_document_link_document");
        st.execute("DROP INDEX ix_signup_volunteer");
        st.execute("ALTER TABLE ledger_entry DROP CONSTRAINT fk_ledger_reverses");
        st.execute("ALTER TABLE ledger_entry ADD CONSTRAINT fk_ledger_reverses "
                + "FOREIGN KEY (reverses_seq) REFERENCES ledger_entry (seq)");
        st.execute("ALTER TABLE medical_funding DROP CONSTRAINT fk_medical_funding_ledger");
        st.execute("ALTER TABLE medical_funding ADD CONSTRAINT fk_medical_funding_ledger "
                + "FOREIGN KEY (ledger_seq) REFERENCES ledger_entry (seq)");
        st.execute("ALTER TABLE transition_plan DROP CONSTRAINT fk_transition_plan_resident");
        st.execute("ALTER TABLE transition_plan ADD CONSTRAINT fk_transition_plan_resident "
                + "FOREIGN KEY (resident_id) REFERENCES resident (id)");
    }
}
