package org.huyou.testing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.huyou.app.AppContext;
import org.huyou.common.Gender;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.Role;

/**
 * A home on a movable clock with one account per role, named after the role in lower case ("social_worker"), and
 * one child in care: for service tests that switch between colleagues.
 */
public final class CareStaff implements AutoCloseable {

    public final AppContext ctx;
    public final MutableClock clock;
    public final Resident child;

    public CareStaff(Path dir, LocalDate day, LocalDate childBorn) {
        clock = new MutableClock(
                LocalDateTime.of(day, LocalTime.of(9, 0)).toInstant(ZoneOffset.ofHours(8)), ZoneId.of("Asia/Shanghai"));
        ctx = TestHome.open(dir, clock);
        child = ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        "王小明",
                        null,
                        Gender.MALE,
                        childBorn,
                        false,
                        null,
                        null,
                        null,
                        Category.ORPHAN,
                        childBorn.plusMonths(2),
                        AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        DisabilityType.PHYSICAL,
                        2,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
        for (Role r : Role.values()) {
            if (r != Role.ADMINISTRATOR) {
                ctx.accounts().create(name(r), name(r), TestHome.PASSWORD, EnumSet.of(r));
            }
        }
    }

    public static String name(Role r) {
        return r.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Gives the account of this role a display name unlike its login name (as the administrator, through the
     * accounts screen's service), so a test sees which of the two a screen or a printout shows; logs out.
     */
    public CareStaff rename(Role r, String displayName) {
        as(Role.ADMINISTRATOR);
        var account = ctx.accounts().accounts().stream()
                .filter(a -> a.username().equals(name(r)))
                .findFirst()
                .orElseThrow();
        ctx.accounts().update(account.id(), displayName, account.roles(), true);
        ctx.login().logout();
        return this;
    }

    /** Logs in as the account of this role. */
    public CareStaff as(Role r) {
        ctx.login().logout();
        ctx.login().login(r == Role.ADMINISTRATOR ? TestHome.ADMIN : name(r), TestHome.PASSWORD.toCharArray());
        return this;
    }

    @Override
    public void close() {
        ctx.close();
    }
}
