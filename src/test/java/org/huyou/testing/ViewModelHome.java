package org.huyou.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.ui.DirectTaskRunner;
import org.huyou.residents.Resident;
import org.huyou.security.Role;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every ViewModel test stands on (ADR 0014), registered with {@code @RegisterExtension}: before each test a
 * {@link CareStaff} home of its own on the given day, in Chinese, with the given role logged in; the synchronous task
 * runner and the notices heard; a folder for what the screen writes. Closed and removed after the test.
 */
public final class ViewModelHome implements BeforeEachCallback, AfterEachCallback {

    public final DirectTaskRunner tasks = new DirectTaskRunner();
    public final HeardNotices heard = new HeardNotices();
    private final LocalDate day;
    private final LocalDate childBorn;
    private final Role role;
    private Path dir;
    private CareStaff staff;

    /** A child born on 1 January 2015; {@code role} null leaves nobody logged in. */
    public ViewModelHome(LocalDate day, Role role) {
        this(day, LocalDate.of(2015, 1, 1), role);
    }

    public ViewModelHome(LocalDate day, LocalDate childBorn, Role role) {
        this.day = day;
        this.childBorn = childBorn;
        this.role = role;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Messages.use(Messages.CHINESE);
        dir = Files.createTempDirectory("huyou-viewmodel");
        staff = new CareStaff(dir.resolve("home"), day, childBorn);
        if (role != null) {
            staff.as(role);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        staff.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(ViewModelHome::delete);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AppContext ctx() {
        return staff.ctx;
    }

    public MutableClock clock() {
        return staff.clock;
    }

    public Resident child() {
        return staff.child;
    }

    /** Logs in as the account of this role. */
    public ViewModelHome as(Role r) {
        staff.as(r);
        return this;
    }

    /** The test's own folder, for what the screen writes (receipts, slips, workbooks). */
    public Path dir() {
        return dir;
    }
}
