package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The start's warm-up swallows its failures (it is only a head start), so a warm-up that no longer runs, say after a
 * column type the in-memory tables cannot take, would go unnoticed but for this test.
 */
@Tag("embedded-only")
class QueryWarmUpTest {

    @Test
    void runsItsQueriesOnAnEmptyDatabaseInMemory() {
        assertDoesNotThrow(QueryWarmUp::run);
    }
}
