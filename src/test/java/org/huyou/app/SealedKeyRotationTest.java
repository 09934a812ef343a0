package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.huyou.security.AuditFilter;
import org.huyou.security.KeyWrap;
import org.huyou.security.Keyring;
import org.huyou.security.Role;
import org.huyou.security.SealedKey;
import org.huyou.security.SealedRepository;
import org.huyou.security.SealedText;
import org.huyou.testing.CareStaff;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 24: the sealed key changes when a holder leaves (or on demand), on real files. The leaver's copy of the keyring
 * and its password open no current sealed text; every remaining holder reads them all; a new key nobody holding an
 * older one endorsed, or that the database does not name, is refused; a rotation halted at any step leaves every text
 * readable and is finished at the next holder's login.
 */
@Tag("embedded-only") // a server home has no sealed key
class SealedKeyRotationTest {

    static final String PSYCHOLOGIST = CareStaff.name(Role.PSYCHOLOGIST);
    static final String SOCIAL_WORKER = CareStaff.name(Role.SOCIAL_WORKER);
    static final String DIRECTOR = CareStaff.name(Role.DIRECTOR);

    @TempDir
    Path dir;
    /** Keyrings taken away, outside the home's folder. */
    @TempDir
    Path scratch;

    private static Keyring.Unlocked unlock(Path dataDir, String user) {
        return (Keyring.Unlocked)
                Keyring.load(dataDir).unlock(user, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK.instant());
    }

    /** A copy of the keyring as it is now, in a folder of its own (what someone with the data folder can keep). */
    private Path takeKeyring(String name) throws Exception {
        Path taken = scratch.resolve(name);
        Files.createDirectories(taken);
        Files.copy(dir.resolve(Keyring.FILE), taken.resolve(Keyring.FILE));
        return taken;
    }

    /** Every sealed text in the home's database: column name and stored value. */
    private static List<String[]> sealedTexts(AppContext ctx) {
        List<String[]> out = new ArrayList<>();
        new SealedRepository(ctx.database().dsl())
                .eachSealedText((field, stored) -> out.add(new String[] {field, stored}));
        return out;
    }

    private static AccountViewOf account(CareStaff home, String username) {
        var a = home.ctx.accounts().accounts().stream()
                .filter(x -> x.username().equals(username))
                .findFirst()
                .orElseThrow();
        return new AccountViewOf(a.id(), a.displayName(), a.roles());
    }

    private record AccountViewOf(long id, String displayName, java.util.Set<Role> roles) {}

    @Test
    void aDeactivatedHoldersOldWrapAndPasswordOpenNoCurrentSealedTextAndEveryRemainingHolderReadsThem()
            throws Exception {
        long session;
        long child;
        Path taken;
        try (CareStaff home = new CareStaff(dir, TestHome.TODAY, LocalDate.of(2015, 3, 1))) {
            session = SealedTextsTest.writeCanaries(home);
            child = home.child.id();
            home.as(Role.SOCIAL_WORKER); // her password remembers the sealed key from here on
            home.as(Role.PSYCHOLOGIST);
            taken = takeKeyring("social-worker-took");
            home.as(Role.ADMINISTRATOR);
            AccountViewOf sw = account(home, SOCIAL_WORKER);
            home.ctx.accounts().update(sw.id(), sw.displayName(), sw.roles(), false);
            assertFalse(Keyring.load(dir).sealedRotationDue().isPresent(), "made at once by the administrator");
            home.ctx.login().logout();
        }
        byte[] old = unlock(taken, SOCIAL_WORKER).sealedKey();
        assertNotNull(old, "her copy holds the key of the day");
        assertFalse(java.util.Arrays.equals(
                SealedText.publicKeyOf(old), Keyring.load(dir).sealedPublicKey()));
        assertFalse(Keyring.load(dir).holders(Keyring.SEALED_KEY).contains(SOCIAL_WORKER));

        // Every remaining holder, through the real login (which also changes the file key the deactivation asked for)
        try (AppContext ctx = HomeAccess.login(dir, PSYCHOLOGIST, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertTrue(ctx.sealedKey().isOpen(), "the psychologist accepts the new key the old one endorsed");
            assertEquals(SealedTextsTest.CANARY_NOTE, ctx.counselling().openNote(session, "复查上次会谈内容"));
        }
        try (AppContext ctx = HomeAccess.login(dir, DIRECTOR, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertEquals(
                    SealedTextsTest.CANARY_ABUSE,
                    ctx.incidents().incidents(child).get(0).description());
        }
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            List<String[]> texts = sealedTexts(ctx);
            assertEquals(3, texts.size());
            byte[] current = unlock(dir, TestHome.ADMIN).sealedKey();
            for (String[] t : texts) {
                assertNull(SealedText.open(old, t[0], t[1]), "her old wrap opens no current text: " + t[0]);
                assertNotNull(SealedText.open(current, t[0], t[1]), "re-sealed under the new key: " + t[0]);
            }
            assertTrue(ctx.audit().browse(AuditFilter.all(), 500).stream()
                    .anyMatch(e -> e.action().equals("SEALED_KEY_ROTATED")
                            && "auditSummary.sealedRotated".equals(e.summaryKey())
                            && e.summary().contains("auditSummary.reasonDeactivated")
                            && e.summary().contains(SOCIAL_WORKER)));
        }
        assertTrue(Keyring.load(dir).recoveryOpensSealed(), "the recovery key was given the new key");
        assertFalse(Keyring.load(dir).resealPending());
    }

    @Test
    void aKeyThatLosesTheRoleMakesANewSealedKeyAndTheAdministratorsScreenCanAskForOne() throws Exception {
        try (CareStaff home = new CareStaff(dir, TestHome.TODAY, LocalDate.of(2015, 3, 1))) {
            SealedTextsTest.writeCanaries(home);
            home.as(Role.ADMINISTRATOR);
            byte[] first = Keyring.load(dir).sealedPublicKey();
            AccountViewOf d = account(home, DIRECTOR);
            home.ctx.accounts().update(d.id(), d.displayName(), java.util.EnumSet.of(Role.CAREGIVER), true);
            byte[] second = Keyring.load(dir).sealedPublicKey();
            assertFalse(java.util.Arrays.equals(first, second), "the director lost the roles that read them");

            SealedKey.Rotation r = home.ctx.accounts().rotateSealedKeyNow();
            assertEquals(3, r.resealed());
            assertEquals(List.of(), r.lostAccess());
            assertFalse(java.util.Arrays.equals(second, Keyring.load(dir).sealedPublicKey()));

            home.as(Role.CAREGIVER);
            assertThrows(
                    org.huyou.security.PermissionDeniedException.class,
                    () -> home.ctx.accounts().rotateSealedKeyNow(),
                    "administrators only");
        }
    }

    @Test
    void aNewKeyNoOlderKeyEndorsedOrThatTheDatabaseDoesNotNameIsRefused() throws Exception {
        Path taken;
        try (CareStaff home = new CareStaff(dir, TestHome.TODAY, LocalDate.of(2015, 3, 1))) {
            SealedTextsTest.writeCanaries(home);
            home.as(Role.SOCIAL_WORKER); // remembers the first key
            taken = takeKeyring("before");
            home.as(Role.ADMINISTRATOR);
            home.ctx.accounts().rotateSealedKeyNow(); // she has not logged in since
            home.ctx.login().logout();
        }
        byte[] right = Keyring.load(dir).sealedPublicKey();
        byte[] first = unlock(taken, SOCIAL_WORKER).sealedKey();

        // A former holder (the first key, from an old copy) makes a key of her own and endorses it with the first key,
        // exactly as a rotation does, for the social worker: the keyring accepts the endorsement, the database does not
        // name the key, so it is refused and the home's public half put back.
        Path forgery = takeKeyring("forgery");
        byte[] forged = SealedText.newPrivateKey();
        Keyring.load(forgery).commitSealedRotation(first, forged, List.of(SOCIAL_WORKER));
        Properties made = load(forgery.resolve(Keyring.FILE));
        Properties home = load(dir.resolve(Keyring.FILE));
        for (String n : List.of(
                "user." + SOCIAL_WORKER + ".key.sealed", "user." + SOCIAL_WORKER + ".sealedEndorse", "sealed.public")) {
            home.setProperty(n, made.getProperty(n));
        }
        store(home, dir.resolve(Keyring.FILE));
        try (AppContext ctx = HomeAccess.login(dir, SOCIAL_WORKER, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertFalse(ctx.sealedKey().isOpen(), "the forged key is not held");
        }
        assertArrayEquals(right, Keyring.load(dir).sealedPublicKey(), "new texts go to the home's key again");

        // Someone without any older key: a grant of their own key with a made-up endorsement under the right name.
        byte[] other = SealedText.newPrivateKey();
        Keyring k = Keyring.load(dir);
        assertTrue(k.grantKey(SOCIAL_WORKER, Keyring.SEALED_KEY, other));
        home = load(dir.resolve(Keyring.FILE));
        home.setProperty(
                "user." + SOCIAL_WORKER + ".sealedEndorse",
                SealedText.keyId(SealedText.publicKeyOf(first)) + ":" + KeyWrap.hex(KeyWrap.random(32)));
        home.setProperty("sealed.public", KeyWrap.hex(SealedText.publicKeyOf(other)));
        store(home, dir.resolve(Keyring.FILE));
        try (AppContext ctx = HomeAccess.login(dir, SOCIAL_WORKER, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertFalse(ctx.sealedKey().isOpen(), "an endorsement not made with the older key is refused");
        }
        assertArrayEquals(right, Keyring.load(dir).sealedPublicKey());

        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertTrue(ctx.sealedKey().isOpen(), "the legitimate holders are untouched");
            var rows = ctx.audit().browse(AuditFilter.all(), 500);
            assertTrue(
                    rows.stream().anyMatch(e -> "auditSummary.sealedRefusedNotNamed".equals(e.summaryKey())),
                    "the first on record");
            assertTrue(
                    rows.stream().anyMatch(e -> "auditSummary.sealedKeyMismatch".equals(e.summaryKey())),
                    "the second on record");
        }
    }

    /** Thrown from a step hook: the rotation stops there, as a kill would stop it. */
    static final class Halt extends RuntimeException {
        Halt(SealedKey.Step step) {
            super("halted at " + step);
        }
    }

    @ParameterizedTest
    @EnumSource(SealedKey.Step.class)
    void aRotationHaltedAtAnyStepLeavesEveryTextReadableAndTheNextHoldersLoginFinishesIt(SealedKey.Step halt)
            throws Exception {
        long session;
        long child;
        List<String> holders;
        byte[] before;
        Path taken;
        try (CareStaff home = new CareStaff(dir, TestHome.TODAY, LocalDate.of(2015, 3, 1))) {
            session = SealedTextsTest.writeCanaries(home);
            child = home.child.id();
            home.as(Role.SOCIAL_WORKER);
            home.as(Role.PSYCHOLOGIST);
            home.as(Role.ADMINISTRATOR);
            taken = takeKeyring("before");
            holders = Keyring.load(dir).holders(Keyring.SEALED_KEY);
            before = Keyring.load(dir).sealedPublicKey();
            // as the accounts service does: due first, so a halt before the commit leaves it due
            home.ctx.keyring().requestSealedRotation("halt test");
            SealedKey sealed = home.ctx.sealedKey();
            assertThrows(
                    Halt.class,
                    () -> sealed.rotate(holders, "halt test", step -> {
                        if (step == halt) {
                            throw new Halt(step);
                        }
                    }));
        }
        // Every remaining holder reads every text right after the halt: the first of them finishes the rotation.
        try (AppContext ctx = HomeAccess.login(dir, SOCIAL_WORKER, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertTrue(ctx.sealedKey().isOpen(), "after a halt at " + halt);
            assertEquals(
                    SealedTextsTest.CANARY_ABUSE,
                    ctx.incidents().incidents(child).get(0).description());
            assertEquals(
                    SealedTextsTest.CANARY_ACTION,
                    ctx.incidents().incidents(child).get(0).actionTaken());
        }
        try (AppContext ctx = HomeAccess.login(dir, PSYCHOLOGIST, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            assertTrue(ctx.sealedKey().isOpen(), "after a halt at " + halt);
            assertEquals(SealedTextsTest.CANARY_NOTE, ctx.counselling().openNote(session, "复查上次会谈内容"));
        }
        Keyring now = Keyring.load(dir);
        assertFalse(java.util.Arrays.equals(before, now.sealedPublicKey()), "rotated in the end");
        assertFalse(now.resealPending());
        assertFalse(now.sealedRotationDue().isPresent());
        assertEquals(
                holders.stream().sorted().toList(),
                now.holders(Keyring.SEALED_KEY).stream().sorted().toList());
        byte[] old = unlock(taken, TestHome.ADMIN).sealedKey();
        try (AppContext ctx = HomeAccess.login(dir, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            byte[] current = unlock(dir, TestHome.ADMIN).sealedKey();
            for (String[] t : sealedTexts(ctx)) {
                assertNull(SealedText.open(old, t[0], t[1]), "nothing left under the old key: " + t[0]);
                assertNotNull(SealedText.open(current, t[0], t[1]));
            }
        }
    }

    private static Properties load(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static void store(Properties p, Path file) throws Exception {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
    }
}
