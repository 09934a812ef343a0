package org.huyou.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.app.ServerConnection;
import org.huyou.common.Gender;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.Permission;
import org.huyou.security.Role;
import org.huyou.security.Session;

/**
 * A real home for tests: set up through the real first-start path (keyring, encrypted H2 file database migrated by
 * the real migrations, first administrator) in a folder, with "today" fixed. In the PostgreSQL run
 * ({@code -Dhuyou.test.db=postgresql}) the same path sets the home up on a new database of a real server.
 */
public final class TestHome {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    public static final Clock CLOCK =
            Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.ofHours(8)), ZoneId.of("Asia/Shanghai"));
    public static final String ADMIN = "admin";
    public static final String PASSWORD = "correct-horse-1";

    private TestHome() {}

    /** Sets the home up on first use, else logs in; the administrator is logged in either way. */
    /**
     * The care screens' tests' child, as the register's form hands it to the service: 周小宝, a boy born 2020-01-15,
     * an orphan admitted 2021-03-01 with a grade-2 physical disability.
     */
    public static Resident boyDraft() {
        return new Resident(
                null,
                null,
                null,
                "周小宝",
                null,
                Gender.MALE,
                LocalDate.of(2020, 1, 15),
                false,
                null,
                null,
                null,
                Category.ORPHAN,
                LocalDate.of(2021, 3, 1),
                AdmissionSource.CIVIL_AFFAIRS,
                null,
                DisabilityType.PHYSICAL,
                2,
                Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                null,
                null,
                null);
    }

    public static AppContext open(Path dir) {
        return open(dir, CLOCK);
    }

    public static AppContext open(Path dir, Clock clock) {
        if (!HomeAccess.isSetUp(dir)) {
            if (TestPostgres.selected()) {
                return setUpOnServer(dir, TestPostgres.server().newHomeDatabase(), clock);
            }
            if (!isEmpty(dir)) {
                return setUp(dir, clock);
            }
            copy(TEMPLATES.computeIfAbsent(clock.instant() + " " + clock.getZone(), k -> template(clock)), dir);
        }
        return HomeAccess.login(dir, ADMIN, PASSWORD.toCharArray(), clock);
    }

    /** The test home's set-up (name, place, administrator) on a server database instead of this PC's file. */
    public static AppContext setUpOnServer(Path dir, ServerConnection server, Clock clock) {
        return HomeAccess.setUpOnServer(
                        dir, server, new HomeAccess.Setup("滨州市儿童福利院", "山东省滨州市", ADMIN, "王管理", PASSWORD), clock)
                .context();
    }

    private static AppContext setUp(Path dir, Clock clock) {
        return HomeAccess.setUp(dir, new HomeAccess.Setup("滨州市儿童福利院", "山东省滨州市", ADMIN, "王管理", PASSWORD), clock)
                .context();
    }

    /**
     * Homes set up through the real first-start path once per JVM and "today", copied for each test: the set-up's
     * migrations and key derivations took seconds per test, most of the suite's time. A copy is a whole data folder
     * (keyring, database, login journal), as a PC's folder copied to another place is; each test then logs in.
     */
    private static final Map<String, Path> TEMPLATES = new ConcurrentHashMap<>();

    private static Path template(Clock clock) {
        try {
            Path dir = Files.createTempDirectory("huyou-template");
            setUp(dir, clock).close();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AppContext openTemp() {
        try {
            return open(Files.createTempDirectory("huyou-test"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates an account with these roles (as the administrator) and logs in as it through the login service. */
    public static void loginAs(AppContext ctx, String username, Role... roles) {
        ctx.accounts().create(username, username, PASSWORD, EnumSet.copyOf(Set.of(roles)));
        ctx.login().logout();
        ctx.login().login(username, PASSWORD.toCharArray());
    }

    /** A session holding exactly what the matrix grants one role (read by the administrator). */
    public static Session sessionOf(AppContext ctx, Role role) {
        Set<Permission> permissions = ctx.accounts().permissionsOf(role);
        return new Session(-1, "as-" + role.name().toLowerCase(), role.label(), EnumSet.of(role), permissions);
    }
}
