package org.huyou.app;

import java.nio.file.Path;
import java.time.Clock;
import org.huyou.db.Database;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Transactions;
import org.huyou.residents.ResidentRepository;
import org.huyou.residents.ResidentService;
import org.huyou.residents.demo.DemoHome;
import org.huyou.residents.io.ResidentExporter;
import org.huyou.residents.io.ResidentImporter;
import org.huyou.security.CurrentUser;

/**
 * Wires the application by hand: database, repositories and services. The GUI and the CLI start from the same
 * wiring; nothing here touches JavaFX.
 */
public final class AppContext implements AutoCloseable {

    private final Path dataDir;
    private final Database database;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final SettingsRepository settings;
    private final ResidentService residents;
    private final ResidentImporter residentImporter;
    private final ResidentExporter residentExporter;
    private final DemoHome demoHome;

    private AppContext(Path dataDir, Database database, Clock clock, CurrentUser currentUser) {
        this.dataDir = dataDir;
        this.database = database;
        this.clock = clock;
        this.currentUser = currentUser;
        Transactions tx = database.transactions();
        this.settings = new SettingsRepository(database.dsl());
        this.residents = new ResidentService(new ResidentRepository(database.dsl()), tx, currentUser, clock);
        this.residentImporter = new ResidentImporter(residents, tx);
        this.residentExporter = new ResidentExporter(residents);
        this.demoHome = new DemoHome(residents, tx, settings);
    }

    /** Opens the home's database in {@code dataDir} (migrating it) and builds the services over it. */
    public static AppContext open(Path dataDir, Clock clock, CurrentUser user) {
        return new AppContext(dataDir, Database.openH2(dataDir), clock, user);
    }

    public static AppContext open(Path dataDir) {
        return open(dataDir, Clock.systemDefaultZone(), CurrentUser.ofSystemUser());
    }

    public Path dataDir() {
        return dataDir;
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public CurrentUser currentUser() {
        return currentUser;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public ResidentService residents() {
        return residents;
    }

    public ResidentImporter residentImporter() {
        return residentImporter;
    }

    public ResidentExporter residentExporter() {
        return residentExporter;
    }

    public DemoHome demoHome() {
        return demoHome;
    }

    @Override
    public void close() {
        database.close();
    }
}
