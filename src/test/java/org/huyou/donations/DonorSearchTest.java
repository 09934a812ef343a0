package org.huyou.donations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The donation forms' donor pickers ask as the user types: part of the name, the start of its pinyin or initials, a
 * page at most, the anonymous donor first, then in pinyin order.
 */
class DonorSearchTest {

    @TempDir
    Path dir;

    CareStaff home;
    LedgerService ledger;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, LocalDate.of(2026, 6, 15), LocalDate.of(2015, 1, 1));
        home.as(Role.FINANCE_OFFICER);
        ledger = home.ctx.ledger();
        for (String firm : List.of("滨州鲁北化工有限公司", "滨城区慈善总会", "山东京博控股集团", "北京爱心基金会")) {
            ledger.createDonor(new NewDonor(Donor.Kind.ENTERPRISE, firm, Donor.Naming.FULL, null, null, null, null));
        }
        for (String person : List.of("张明华", "曾小红", "Anna Schmidt")) {
            ledger.createDonor(
                    new NewDonor(Donor.Kind.INDIVIDUAL, person, Donor.Naming.MASKED, null, null, null, null));
        }
        ledger.createDonor(new NewDonor(Donor.Kind.ANONYMOUS, null, Donor.Naming.ANONYMOUS, null, null, null, null));
    }

    @AfterEach
    void close() {
        home.close();
    }

    private List<String> found(String typed) {
        return ledger.donors(typed, 50).stream().map(Donor::name).toList();
    }

    @Test
    void partOfTheNameFullPinyinAndInitialsFindADonor() {
        assertEquals(List.of("滨州鲁北化工有限公司"), found("binzhou"));
        assertEquals(List.of("滨州鲁北化工有限公司"), found("bz"));
        assertEquals(List.of("滨州鲁北化工有限公司"), found("BinZhou"), "any case");
        assertEquals(List.of("滨州鲁北化工有限公司"), found("bin zhou"), "spaces between syllables");
        assertEquals(List.of("滨城区慈善总会", "滨州鲁北化工有限公司"), found("bin"), "in pinyin order");
        assertEquals(List.of("滨城区慈善总会", "滨州鲁北化工有限公司"), found("滨"));
        assertEquals(List.of("滨城区慈善总会"), found("慈善"), "part of the name, not only its start");
        assertEquals(List.of("曾小红"), found("zengxiao"), "a surname read as a surname (曾 zeng)");
        assertEquals(List.of("曾小红"), found("zxh"));
        assertEquals(List.of("Anna Schmidt"), found("schmidt"), "a Latin name by part of it");
        assertEquals(List.of(), found("xyzzy"));
    }

    @Test
    void theAnonymousDonorComesFirstAndIsFoundByItsName() {
        List<Donor> all = ledger.donors(null, 50);
        assertEquals(Donor.Kind.ANONYMOUS, all.get(0).kind(), "the walk-in gift's donor, one click away");
        assertEquals(8, all.size());
        assertEquals(List.of("爱心人士"), found("axrs"));
        assertEquals(
                List.of("北京爱心基金会", "爱心人士").stream().sorted().toList(),
                found("爱心").stream().sorted().toList());
        assertEquals("爱心人士", found("爱心").get(0), "anonymous first among the matches too");
        // the rest in pinyin order: Anna, beijing, bincheng, binzhou, shandong, zeng, zhang
        assertEquals(
                List.of("Anna Schmidt", "北京爱心基金会", "滨城区慈善总会", "滨州鲁北化工有限公司", "山东京博控股集团", "曾小红", "张明华"),
                all.subList(1, all.size()).stream().map(Donor::name).toList());
    }

    @Test
    void atMostAPageIsReturned() {
        for (int i = 0; i < 60; i++) {
            ledger.createDonor(
                    new NewDonor(Donor.Kind.INDIVIDUAL, "滨州捐赠人" + i, Donor.Naming.FULL, null, null, null, null));
        }
        assertEquals(50, ledger.donors("bz", 50).size());
        assertEquals(3, ledger.donors("滨州", 3).size());
        assertEquals(50, ledger.donors("", 50).size());
    }

    @Test
    void theLedgerListGetsTheNamesOfItsEntriesDonors() {
        Donor a = ledger.donors("bz", 1).get(0);
        Donor b = ledger.donors("zmh", 1).get(0);
        assertEquals(Map.of(a.id(), a.name(), b.id(), b.name()), ledger.donorNames(List.of(a.id(), b.id(), a.id())));
        assertEquals(Map.of(), ledger.donorNames(List.of()));
    }

    @Test
    void onlyWhoMayViewDonationsSearchesDonors() {
        home.as(Role.CAREGIVER);
        assertThrows(org.huyou.security.PermissionDeniedException.class, () -> ledger.donors("bz", 50));
    }
}
