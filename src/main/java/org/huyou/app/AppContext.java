package org.huyou.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.huyou.allowance.AllowanceDemo;
import org.huyou.allowance.AllowanceRepository;
import org.huyou.allowance.AllowanceService;
import org.huyou.allowance.io.RollXlsx;
import org.huyou.backup.BackupService;
import org.huyou.care.PlanReviewRepository;
import org.huyou.care.PlanReviews;
import org.huyou.care.ReminderService;
import org.huyou.care.ReminderSource;
import org.huyou.care.TimelineService;
import org.huyou.care.TimelineSource;
import org.huyou.care.daily.CaregiverRepository;
import org.huyou.care.daily.CaregiverService;
import org.huyou.care.daily.DailyCareRepository;
import org.huyou.care.daily.DailyCareService;
import org.huyou.care.demo.CareDemo;
import org.huyou.care.demo.IntegratedCareDemo;
import org.huyou.care.education.EducationRepository;
import org.huyou.care.education.EducationService;
import org.huyou.care.growth.GrowthRepository;
import org.huyou.care.growth.GrowthService;
import org.huyou.care.incident.IncidentRepository;
import org.huyou.care.incident.IncidentService;
import org.huyou.care.medical.AllergyRepository;
import org.huyou.care.medical.AllergyService;
import org.huyou.care.medical.Formulary;
import org.huyou.care.medical.FormularyRepository;
import org.huyou.care.medical.FormularyService;
import org.huyou.care.medical.MedicalRecordRepository;
import org.huyou.care.medical.MedicalRecordService;
import org.huyou.care.medical.MedicationRepository;
import org.huyou.care.medical.MedicationService;
import org.huyou.care.plan.CarePlanRepository;
import org.huyou.care.plan.CarePlanService;
import org.huyou.care.psych.CounsellingService;
import org.huyou.care.psych.PsychRepository;
import org.huyou.care.psych.PsychologyService;
import org.huyou.care.rehab.RehabRepository;
import org.huyou.care.rehab.RehabService;
import org.huyou.common.io.PrivateFiles;
import org.huyou.db.Database;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Transactions;
import org.huyou.documents.DocumentRepository;
import org.huyou.documents.DocumentService;
import org.huyou.documents.DocumentsDemo;
import org.huyou.donations.DisclosureRepository;
import org.huyou.donations.DisclosureService;
import org.huyou.donations.DonationDemo;
import org.huyou.donations.LedgerRepository;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerUseRepository;
import org.huyou.donations.LedgerUseService;
import org.huyou.donations.io.DonationHistoryImporter;
import org.huyou.donations.io.DonationPaperFiles;
import org.huyou.donations.io.DonorImporter;
import org.huyou.donations.io.OpeningBalanceImporter;
import org.huyou.generate.StressGenerator;
import org.huyou.generate.StressRepository;
import org.huyou.openday.BookingRepository;
import org.huyou.openday.BookingService;
import org.huyou.openday.OpenDayDemo;
import org.huyou.openday.OpenDayService;
import org.huyou.openday.VisitRepository;
import org.huyou.openday.VisitService;
import org.huyou.residents.ResidentRepository;
import org.huyou.residents.ResidentService;
import org.huyou.residents.demo.DemoHome;
import org.huyou.residents.demo.DemoPartWriter;
import org.huyou.residents.io.ResidentExporter;
import org.huyou.residents.io.ResidentImporter;
import org.huyou.security.AccountRepository;
import org.huyou.security.AccountService;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditRepository;
import org.huyou.security.CurrentUser;
import org.huyou.security.Keyring;
import org.huyou.security.KeyringRecord;
import org.huyou.security.LoginService;
import org.huyou.security.Permission;
import org.huyou.security.SealedKey;
import org.huyou.security.SealedRepository;
import org.huyou.security.ServiceContext;
import org.huyou.security.io.AccountImporter;
import org.huyou.statistics.StatisticsRepository;
import org.huyou.statistics.StatisticsService;
import org.huyou.statistics.io.DashboardPaperFiles;
import org.huyou.transition.TransitionDemo;
import org.huyou.transition.TransitionRepository;
import org.huyou.transition.TransitionService;
import org.huyou.transition.TransitionSettings;
import org.huyou.transition.io.TransitionDocuments;
import org.huyou.volunteers.ShiftRepository;
import org.huyou.volunteers.ShiftService;
import org.huyou.volunteers.VolunteerDemo;
import org.huyou.volunteers.VolunteerRepository;
import org.huyou.volunteers.VolunteerService;
import org.huyou.volunteers.io.ShiftPapersPdf;
import org.huyou.volunteers.io.VolunteerImporter;

/**
 * Wires the application by hand: database, repositories and services, over one home's data folder. The GUI and the
 * CLI start from the same wiring (through {@link HomeAccess}); nothing here touches JavaFX.
 */
public final class AppContext implements AutoCloseable {

    private static final String HOME_NAME = "home.name";
    private static final String HOME_REGION = "home.region";

    private final Path dataDir;
    private final Database database;
    private final Keyring keyring;
    private final Clock clock;
    private final CurrentUser currentUser = new CurrentUser();
    private final SettingsRepository settings;
    private final AuditLog audit;
    /** What every service works with (ADR 0015). */
    private final ServiceContext services;

    private final AccountService accounts;
    private final LoginService login;
    private final SealedKey sealedKey;
    private final ResidentService residents;
    private final ResidentImporter residentImporter;
    private final VolunteerImporter volunteerImporter;
    private final AccountImporter accountImporter;
    private final DonorImporter donorImporter;
    private final DonationHistoryImporter historyImporter;
    private final OpeningBalanceImporter openingImporter;
    private final ResidentExporter residentExporter;
    private final DemoHome demoHome;
    private final BackupService backups;
    private final GrowthService growth;
    private final DailyCareService dailyCare;
    private final AllergyService allergies;
    private final TimelineService timeline;
    private final ReminderService reminders;
    private final CareDemo careDemo;
    private final MedicalRecordService medicalRecords;
    private final MedicationService medication;
    private final FormularyService formulary;
    private final CaregiverService caregivers;
    private final RehabService rehab;
    private final EducationService education;
    private final PsychologyService psychology;
    private final CounsellingService counselling;
    private final IncidentService incidents;
    private final DocumentService documents;
    private final CarePlanService carePlans;
    private final IntegratedCareDemo integratedCareDemo;
    private final LedgerService ledger;
    private final DisclosureService disclosures;
    private final LedgerUseService ledgerUses;
    private final DonationDemo donationDemo;
    private final VolunteerService volunteers;
    private final ShiftService shifts;
    private final VolunteerDemo volunteerDemo;
    private final TransitionService transition;
    private final TransitionSettings transitionSettings;
    private final TransitionDocuments transitionDocuments;
    private final TransitionDemo transitionDemo;
    private final OpenDayDemo openDayDemo;
    private final DocumentsDemo documentsDemo;
    private final OpenDayService openDay;
    private final BookingService bookings;
    private final VisitService visits;
    private final AllowanceService allowance;
    private final StatisticsService statistics;
    private final byte[] fileKey;
    private final KeyringRecord keyringRecord;
    /** Every write of the keyring while this home is open goes into the database's record of it (ADR 0011). */
    private final Runnable recordKeyring;

    private AppContext(Path dataDir, Database database, Keyring keyring, byte[] fileKey, Clock clock) {
        this.dataDir = dataDir;
        this.database = database;
        this.keyring = keyring;
        this.fileKey = fileKey.clone();
        this.clock = clock;
        Transactions tx = database.transactions();
        this.settings = new SettingsRepository(database.dsl());
        this.audit = new AuditLog(new AuditRepository(database.dsl()), currentUser, clock);
        this.services = new ServiceContext(tx, currentUser, audit, clock);
        AccountRepository accountRepo = new AccountRepository(database.dsl());
        this.sealedKey = new SealedKey(keyring, new SealedRepository(database.dsl()), tx, audit, settings);
        this.accounts = new AccountService(accountRepo, keyring, fileKey, services, settings, sealedKey);
        this.login = new LoginService(accountRepo, keyring, services, settings, sealedKey);
        ResidentRepository residentRepo = new ResidentRepository(database.dsl());
        this.residents = new ResidentService(residentRepo, services);
        this.residentImporter = new ResidentImporter(residents, currentUser);
        this.residentExporter = new ResidentExporter(residents, currentUser);
        this.demoHome = new DemoHome(residents, tx, settings, currentUser);
        DemoPartWriter demoWriter = new DemoPartWriter(tx, currentUser);
        GrowthRepository growthRepo = new GrowthRepository(database.dsl());
        DailyCareRepository dailyRepo = new DailyCareRepository(database.dsl());
        AllergyRepository allergyRepo = new AllergyRepository(database.dsl());
        this.growth = new GrowthService(growthRepo, residents, services);
        this.dailyCare = new DailyCareService(dailyRepo, services);
        Formulary formulary = Formulary.shipped();
        FormularyRepository formularyRepo = new FormularyRepository(database.dsl());
        this.formulary = new FormularyService(formulary, formularyRepo, services);
        this.allergies = new AllergyService(allergyRepo, formulary, formularyRepo, services);
        MedicalRecordRepository medicalRepo = new MedicalRecordRepository(database.dsl());
        MedicationRepository medicationRepo = new MedicationRepository(database.dsl());
        this.medicalRecords = new MedicalRecordService(medicalRepo, services);
        this.medication = new MedicationService(medicationRepo, allergyRepo, formulary, formularyRepo, services);
        this.caregivers = new CaregiverService(new CaregiverRepository(database.dsl()), services);
        PlanReviewRepository planReviews = new PlanReviewRepository(database.dsl());
        RehabRepository rehabRepo = new RehabRepository(database.dsl());
        EducationRepository educationRepo = new EducationRepository(database.dsl());
        PsychRepository psychRepo = new PsychRepository(database.dsl(), sealedKey);
        IncidentRepository incidentRepo = new IncidentRepository(database.dsl(), sealedKey);
        CarePlanRepository carePlanRepo = new CarePlanRepository(database.dsl());
        PlanReviews reviewing = new PlanReviews(planReviews, services);
        this.rehab = new RehabService(rehabRepo, reviewing, services);
        this.education = new EducationService(educationRepo, reviewing, services);
        this.psychology = new PsychologyService(psychRepo, residents, settings, services);
        this.counselling = new CounsellingService(psychRepo, services);
        this.incidents = new IncidentService(incidentRepo, services);
        DocumentRepository documentRepo = new DocumentRepository(database.dsl());
        this.documents = new DocumentService(documentRepo, services);
        this.documentsDemo = new DocumentsDemo(documentRepo, demoWriter);
        this.carePlans = new CarePlanService(carePlanRepo, reviewing, accounts, settings, services);
        this.careDemo = new CareDemo(
                residents, growthRepo, dailyRepo, allergyRepo, medicalRepo, medicationRepo, tx, currentUser);
        this.integratedCareDemo = new IntegratedCareDemo(
                residents,
                rehabRepo,
                educationRepo,
                psychRepo,
                incidentRepo,
                carePlanRepo,
                planReviews,
                tx,
                currentUser);
        // Each part of the care file registers its timeline entries and reminders here; the order is the
        // timeline's tie-break for entries of the same day.
        List<TimelineSource> timelineSources = new ArrayList<>(List.of(
                dailyCare.timelineSource(),
                growth.timelineSource(),
                allergies.timelineSource(),
                medicalRecords.timelineSource()));
        timelineSources.addAll(rehab.timelineSources());
        timelineSources.addAll(education.timelineSources());
        timelineSources.addAll(psychology.timelineSources());
        timelineSources.add(counselling.timelineSource());
        timelineSources.add(incidents.timelineSource());
        timelineSources.addAll(carePlans.timelineSources());
        this.timeline = new TimelineService(timelineSources, services);
        List<ReminderSource> reminderSources = new ArrayList<>(List.of(
                medication.reminderSource(),
                medicalRecords.reminderSource(),
                growth.reminderSource(),
                rehab.reminderSource(),
                education.reminderSource(),
                psychology.reminderSource(),
                incidents.reminderSource()));
        reminderSources.addAll(carePlans.reminderSources());
        reminderSources.add(documents.reminderSource());
        this.reminders = new ReminderService(reminderSources, services);
        LedgerRepository ledgerRepo = new LedgerRepository(database.dsl());
        DonationPaperFiles donationPapers = new DonationPaperFiles();
        DisclosureRepository disclosureRepo = new DisclosureRepository(database.dsl());
        this.ledger = new LedgerService(
                ledgerRepo,
                disclosureRepo,
                settings,
                services,
                () -> accountRepo.activeHolders(Permission.of(AppModule.DONATIONS, Action.APPROVE)),
                donationPapers);
        this.ledgerUses = new LedgerUseService(new LedgerUseRepository(database.dsl()), services);
        this.donationDemo = new DonationDemo(ledger, ledgerRepo, demoWriter);
        this.disclosures = new DisclosureService(
                ledgerRepo, disclosureRepo, () -> homeProfile().name(), settings, services, donationPapers);
        VolunteerRepository volunteerRepo = new VolunteerRepository(database.dsl());
        this.volunteers = new VolunteerService(volunteerRepo, services);
        this.volunteerImporter = new VolunteerImporter(volunteers, currentUser);
        this.accountImporter = new AccountImporter(accounts, currentUser);
        this.donorImporter = new DonorImporter(ledger, currentUser);
        this.historyImporter = new DonationHistoryImporter(ledger, currentUser);
        this.openingImporter = new OpeningBalanceImporter(ledger, currentUser);
        ShiftRepository shiftRepo = new ShiftRepository(database.dsl());
        this.shifts = new ShiftService(shiftRepo, volunteerRepo, services, new ShiftPapersPdf());
        this.volunteerDemo = new VolunteerDemo(volunteerRepo, shiftRepo, demoWriter);
        this.openDay = new OpenDayService(settings, services);
        BookingRepository bookingRepo = new BookingRepository(database.dsl());
        this.bookings = new BookingService(bookingRepo, openDay, settings, services);
        TransitionRepository transitionRepo = new TransitionRepository(database.dsl());
        this.transition = new TransitionService(transitionRepo, residentRepo, settings, services);
        this.transitionDocuments = new TransitionDocuments(
                transitionRepo, services, () -> homeProfile().name(), documents);
        this.transitionSettings = new TransitionSettings(transitionRepo, settings, services);
        this.transitionDemo = new TransitionDemo(transitionRepo, settings, demoWriter);
        VisitRepository visitRepo = new VisitRepository(database.dsl());
        this.openDayDemo = new OpenDayDemo(bookingRepo, visitRepo, demoWriter);
        this.visits = new VisitService(visitRepo, settings, services, dataDir.resolve("slips"));
        this.allowance =
                new AllowanceService(new AllowanceRepository(database.dsl()), settings, services, RollXlsx::write);
        this.statistics = new StatisticsService(
                new StatisticsRepository(database.dsl()),
                services,
                () -> homeProfile().name(),
                new DashboardPaperFiles());
        this.backups = new BackupService(dataDir, database, keyring, fileKey, services, settings);
        this.keyringRecord = new KeyringRecord(settings, tx, audit);
        this.recordKeyring = () -> keyringRecord.record(keyring);
        if (database.isEmbedded()) {
            keyring.onWrite(recordKeyring);
        }
        // Before anyone uses the home: an import cut off between its committed chunks is taken back.
        residents.undoUnfinishedImports();
    }

    /** Opens the home's encrypted database (migrating it) with its file key; nobody is logged in yet. */
    static AppContext open(Path dataDir, Keyring keyring, byte[] fileKey, Clock clock) {
        AppContext ctx = new AppContext(dataDir, Database.openH2(dataDir, fileKey), keyring, fileKey, clock);
        // H2 makes its files with the process's umask (often 0644): owner-only once they exist, and again at
        // every start.
        PrivateFiles.secure(dataDir);
        return ctx;
    }

    /** Opens the existing database of a home (never creating one: a missing file is refused with a sentence). */
    static AppContext openExisting(Path dataDir, Keyring keyring, byte[] fileKey, Clock clock) {
        AppContext ctx = new AppContext(dataDir, Database.openExistingH2(dataDir, fileKey), keyring, fileKey, clock);
        PrivateFiles.secure(dataDir);
        return ctx;
    }

    /** Opens the home's database on its server for this PC (migrating it); nobody is logged in yet. */
    static AppContext openOnServer(Path dataDir, Keyring keyring, ServerConnection server, Clock clock) {
        return new AppContext(dataDir, server.open(), keyring, new byte[0], clock);
    }

    /** Where the data is, for the status bar and the settings: the server, or null for the embedded database. */
    public String serverAddress() {
        return database.isEmbedded() ? null : database.url().replaceFirst("^jdbc:", "");
    }

    /** The server account this PC connects as (for the settings form); null for the embedded database. */
    public String serverAccount() {
        return database.account();
    }

    public Path dataDir() {
        return dataDir;
    }

    public Clock clock() {
        return clock;
    }

    public CurrentUser currentUser() {
        return currentUser;
    }

    public HomeProfile homeProfile() {
        return new HomeProfile(
                settings.get(HOME_NAME).orElse(""), settings.get(HOME_REGION).orElse(""));
    }

    /**
     * A restored database holds the login journal's head of the day it was backed up, which the journal has long
     * left behind: forgotten, so the next login does not take the restore for tampering (the restore is audited).
     */
    void forgetLoginJournalHead() {
        settings.put(keyring.loginJournalSetting(), "");
    }

    void saveHomeProfile(HomeProfile profile) {
        settings.put(HOME_NAME, profile.name());
        settings.put(HOME_REGION, profile.region());
    }

    public AuditLog audit() {
        return audit;
    }

    public AccountService accounts() {
        return accounts;
    }

    public LoginService login() {
        return login;
    }

    /** The session's sealed key (counselling notes, incident details): held only by the roles that may read them. */
    SealedKey sealedKey() { // not public: plumbing for the login, not a service for screens
        return sealedKey;
    }

    public ResidentService residents() {
        return residents;
    }

    public ResidentImporter residentImporter() {
        return residentImporter;
    }

    public VolunteerImporter volunteerImporter() {
        return volunteerImporter;
    }

    public DonorImporter donorImporter() {
        return donorImporter;
    }

    public DonationHistoryImporter historyImporter() {
        return historyImporter;
    }

    public OpeningBalanceImporter openingImporter() {
        return openingImporter;
    }

    /** The staff list's import; {@code withFirstPassword} gives it the password for rows without their own. */
    public AccountImporter accountImporter() {
        return accountImporter;
    }

    public ResidentExporter residentExporter() {
        return residentExporter;
    }

    public DemoHome demoHome() {
        return demoHome;
    }

    public CareDemo careDemo() {
        return careDemo;
    }

    /** The parts of the demo home, in the order they are loaded (each reported as it is done). */
    public enum DemoPart {
        RESIDENTS,
        CARE,
        INTEGRATED_CARE,
        DOCUMENTS,
        DONATIONS,
        VOLUNTEERS,
        OPEN_DAY,
        TRANSITION,
        ALLOWANCE
    }

    /** The whole demo home: residents, then their care history. */
    public int loadDemo(int residentCount, long seed) {
        return loadDemo(residentCount, seed, part -> {});
    }

    /**
     * The whole demo home in one transaction, and the offer marked as taken in the same one: a failure or a kill at
     * any point leaves the empty home that offers the demo again (half a demo, residents without their ledger, was
     * refused by the next try as "not empty"). {@code afterPart} hears of each part done, still inside the
     * transaction: a progress display, or a test that interrupts the load.
     */
    public int loadDemo(int residentCount, long seed, Consumer<DemoPart> afterPart) {
        // every record is stamped no later than this moment: a demo loaded at 09:00 said "saved at 12:00"
        // and to the second, as the database keeps it (the ledger hashes what it stores)
        LocalDateTime moment = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = moment.toLocalDate();
        return database.transactions().inTransaction(() -> {
            int n = demoHome.load(residentCount, seed);
            afterPart.accept(DemoPart.RESIDENTS);
            careDemo.load(seed, 60, moment);
            afterPart.accept(DemoPart.CARE);
            integratedCareDemo.load(seed, moment);
            afterPart.accept(DemoPart.INTEGRATED_CARE);
            documentsDemo.load(moment);
            afterPart.accept(DemoPart.DOCUMENTS);
            donationDemo.load(seed, moment);
            afterPart.accept(DemoPart.DONATIONS);
            volunteerDemo.load(seed, moment);
            afterPart.accept(DemoPart.VOLUNTEERS);
            openDayDemo.load(seed, moment);
            afterPart.accept(DemoPart.OPEN_DAY);
            transitionDemo.load(moment);
            afterPart.accept(DemoPart.TRANSITION);
            new AllowanceDemo(new AllowanceRepository(database.dsl()), settings, database.transactions(), currentUser)
                    .load(moment);
            afterPart.accept(DemoPart.ALLOWANCE);
            demoHome.markOffered();
            return n;
        });
    }

    /** Fills an empty home with years of generated records, for measuring speed at scale. */
    public StressGenerator stressGenerator() {
        return new StressGenerator(
                residents,
                new ResidentRepository(database.dsl()),
                new LedgerRepository(database.dsl()),
                new StressRepository(database.dsl()),
                services);
    }

    public AllowanceService allowance() {
        return allowance;
    }

    public StatisticsService statistics() {
        return statistics;
    }

    public GrowthService growth() {
        return growth;
    }

    public DailyCareService dailyCare() {
        return dailyCare;
    }

    public AllergyService allergies() {
        return allergies;
    }

    public MedicalRecordService medicalRecords() {
        return medicalRecords;
    }

    public CaregiverService caregivers() {
        return caregivers;
    }

    public MedicationService medication() {
        return medication;
    }

    public FormularyService formulary() {
        return formulary;
    }

    public RehabService rehab() {
        return rehab;
    }

    public EducationService education() {
        return education;
    }

    public PsychologyService psychology() {
        return psychology;
    }

    public CounsellingService counselling() {
        return counselling;
    }

    public DocumentService documents() {
        return documents;
    }

    public IncidentService incidents() {
        return incidents;
    }

    public CarePlanService carePlans() {
        return carePlans;
    }

    public LedgerService ledger() {
        return ledger;
    }

    public VisitService visits() {
        return visits;
    }

    public BookingService bookings() {
        return bookings;
    }

    public OpenDayService openDay() {
        return openDay;
    }

    public TransitionService transition() {
        return transition;
    }

    public TransitionSettings transitionSettings() {
        return transitionSettings;
    }

    public TransitionDocuments transitionDocuments() {
        return transitionDocuments;
    }

    public ShiftService shifts() {
        return shifts;
    }

    public VolunteerService volunteers() {
        return volunteers;
    }

    /** What a ledger payment paid for (a child's surgery), masked for roles without the medical permission. */
    public LedgerUseService ledgerUses() {
        return ledgerUses;
    }

    public DisclosureService disclosures() {
        return disclosures;
    }

    public TimelineService timeline() {
        return timeline;
    }

    public ReminderService reminders() {
        return reminders;
    }

    public BackupService backups() {
        return backups;
    }

    Database database() {
        return database;
    }

    KeyringRecord keyringRecord() {
        return keyringRecord;
    }

    Keyring keyring() {
        return keyring;
    }

    byte[] fileKey() {
        return fileKey.clone();
    }

    @Override
    public void close() {
        keyring.offWrite(recordKeyring);
        database.close();
    }
}
