package org.huyou.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /**
     * A home restored from a backup has no pair to undo: the backup's script adds the keys after the indexes, so
     * each key took the explicit index, which then belongs to it and stays.
     */
    @Override
    void apply(Statement st) throws Exception {
        try (PreparedStatement owned = st.getConnection()
                .prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND INDEX_NAME = ?")) {
            if (free(owned, "IX_RESIDENT_LIVING_GROUP")) {
                st.execute("DROP INDEX ix_resident_living_group");
            }
            if (free(owned, "IX_CARE_PLAN_GOAL_PLAN")) {
                st.execute("DROP INDEX ix_care_plan_goal_plan");
            }
            if (free(owned, "IX_EDUCATION_GOAL_PLAN")) {
                st.execute("DROP INDEX ix_education_goal_plan");
            }
            if (free(owned, "IX_PLAN_REVIEW_CARE")) {
                st.execute("DROP INDEX ix_plan_review_care");
            }
            if (free(owned, "IX_PLAN_REVIEW_EDUCATION")) {
                st.execute("DROP INDEX ix_plan_review_education");
            }
            if (free(owned, "IX_PLAN_REVIEW_REHAB")) {
                st.execute("DROP INDEX ix_plan_review_rehab");
            }
            if (free(owned, "IX_REHAB_GOAL_PLAN")) {
                st.execute("DROP INDEX ix_rehab_goal_plan");
            }
            if (free(owned, "IX_RESIDENT_DOCUMENT_LINK_DOCUMENT")) {
                st.execute("DROP INDEX ix_resident_document_link_document");
            }
            if (free(owned, "IX_SIGNUP_VOLUNTEER")) {
                st.execute("DROP INDEX ix_signup_volunteer");
            }
        }
        // added again, each key takes the unique index of its column, whichever it had
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

    /** Whether no key or constraint owns the index (else dropping it is refused, and it is the only one). */
    private static boolean free(PreparedStatement owned, String index) throws Exception {
        owned.setString(1, index);
        try (ResultSet rs = owned.executeQuery()) {
            rs.next();
            return rs.getInt(1) == 0;
        }
    }
}
