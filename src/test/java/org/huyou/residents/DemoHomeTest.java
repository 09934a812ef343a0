package org.huyou.residents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huyou.app.AppContext;
import org.huyou.common.IdNumber;
import org.huyou.common.UserFacingException;
import org.huyou.residents.demo.DemoHome;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoHomeTest {

    @TempDir
    Path dir;

    @Test
    void loadsABelievableHomeOnlyIntoAnEmptyDatabase() {
        try (AppContext ctx = TestHome.open(dir)) {
            assertEquals(DemoHome.DEFAULT_RESIDENTS, ctx.demoHome().load(DemoHome.DEFAULT_RESIDENTS, 7));
            ResidentService s = ctx.residents();
            assertTrue(s.countAll() >= 60);
            assertEquals(6, s.livingGroups().size());
            List<ResidentSummary> all = s.search(ResidentFilter.all(), 1000);
            Set<Category> categories = new HashSet<>();
            Set<ResidentStatus> statuses = new HashSet<>();
            Set<DisabilityType> disabilities = new HashSet<>();
            for (ResidentSummary r : all) {
                categories.add(r.category());
                statuses.add(r.status());
                disabilities.add(r.disabilityType());
            }
            assertTrue(categories.size() >= 5, categories.toString());
            assertTrue(statuses.size() >= 3, statuses.toString());
            assertTrue(disabilities.size() >= 5, disabilities.toString());
            s.forEachForExport(
                    true, r -> assertTrue(r.idNumber() == null || IdNumber.isValid(r.idNumber()), r.idNumber()));
            assertThrows(UserFacingException.class, () -> ctx.demoHome().load(5, 1));
        }
    }
}
