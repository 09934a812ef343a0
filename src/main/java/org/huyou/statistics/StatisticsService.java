package org.huyou.statistics;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.huyou.common.Coded;
import org.huyou.common.Gender;
import org.huyou.common.IdNumber;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.SafeFileNames;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.AgeBand;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.InCare;
import org.huyou.residents.ResidentStatus;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;
import org.huyou.statistics.StatisticsRepository.ResidentFacts;
import org.huyou.transition.Pathway;
import org.huyou.transition.TransitionPlan;

/**
 * The director's dashboard: the register as of the year's last day (or today), admissions and departures over ten
 * years, placements, and per month of the year care activity, donations, volunteers and open-day visitors. Every
 * point can be drilled into, subject to the viewer's permission for what lies behind it; the figures export as a
 * workbook and, with their charts, as the home's annual report.
 */
public final class StatisticsService extends ServiceBase {

    /**
     * The residents the home is responsible for on a day: in care by the register's one definition (in the home or
     * its foster families; an adult still here is in care until the leaving is recorded, then 成年离院).
     */
    public static final Set<ResidentStatus> RESPONSIBLE = InCare.STATUSES;
    /** Statuses that mean a child left the home (leaving at adulthood is counted as {@link Series#ADULT_LEFT}). */
    public static final List<ResidentStatus> LEAVING =
            List.of(ResidentStatus.ADOPTED, ResidentStatus.TRANSFERRED_OUT, ResidentStatus.DECEASED);

    public static final int YEARS_BACK = 10;
    /** A drill-down lists at most this many rows, and says so. */
    public static final int DRILL_LIMIT = 2000;

    private final StatisticsRepository repo;
    private final Supplier<String> homeName;
    private final DashboardPapers papers;

    public StatisticsService(
            StatisticsRepository repo, ServiceContext context, Supplier<String> homeName, DashboardPapers papers) {
        super(context);
        this.repo = repo;
        this.homeName = homeName;
        this.papers = papers;
    }

    /** All figures for a year, in the order of {@link Figure}. */
    public record Dashboard(int year, LocalDate asOf, List<Chart> charts) {

        public Chart chart(Figure f) {
            return charts.stream().filter(c -> c.figure() == f).findFirst().orElseThrow();
        }
    }

    @RequiresPermission(module = AppModule.STATISTICS, action = Action.VIEW)
    public Dashboard dashboard(int year) {
        user.require(AppModule.STATISTICS, Action.VIEW);
        LocalDate asOf = asOf(year);
        List<ResidentFacts> facts = repo.residentsAsOf(asOf);
        List<ResidentFacts> responsible =
                facts.stream().filter(f -> RESPONSIBLE.contains(f.status())).toList();
        String asOfText = Messages.t("stat.asOf", asOf.toString());
        String yearText = Messages.t("stat.yearRange", String.valueOf(year - YEARS_BACK + 1), String.valueOf(year));
        String monthsText = Messages.t("stat.year", String.valueOf(year));
        List<Chart> charts = new ArrayList<>();
        charts.add(count(Figure.RESIDENTS_BY_CATEGORY, asOfText, responsible, f -> coded(f.category())));
        charts.add(count(Figure.RESIDENTS_BY_AGE_BAND, asOfText, responsible, f -> coded(band(f, asOf))));
        charts.add(count(Figure.RESIDENTS_BY_SEX, asOfText, responsible, f -> coded(f.gender())));
        charts.add(disability(asOfText, responsible));
        charts.add(count(Figure.RESIDENTS_BY_STATUS, asOfText, facts, f -> coded(f.status())));
        charts.add(admissions(yearText, facts, year));
        charts.add(departures(yearText, year, asOf));
        charts.add(placements());
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        charts.add(monthly(
                Figure.CARE_ACTIVITY,
                monthsText,
                repo.careActivity(from, to),
                List.of(
                        Series.CHECKUPS,
                        Series.REHAB_SESSIONS,
                        Series.RISK_LOW,
                        Series.RISK_MEDIUM,
                        Series.RISK_HIGH)));
        charts.add(monthly(
                Figure.DONATIONS,
                monthsText,
                repo.donations(from, to),
                List.of(Series.MONEY_IN, Series.MONEY_OUT, Series.GOODS_IN)));
        charts.add(monthly(
                Figure.VOLUNTEERS,
                monthsText,
                repo.volunteers(from, to),
                List.of(Series.VOLUNTEER_HOURS, Series.ACTIVE_VOLUNTEERS),
                Map.of(Series.ACTIVE_VOLUNTEERS.name(), BigDecimal.valueOf(repo.volunteersServed(from, to)))));
        charts.add(monthly(Figure.OPEN_DAY, monthsText, repo.openDay(from, to), List.of(Series.VISITORS)));
        charts.addAll(medical(yearText, year));
        return new Dashboard(year, asOf, List.copyOf(charts));
    }

    /** The year's last day, or today for the current year: what "now" means for the register's figures. */
    private LocalDate asOf(int year) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = LocalDate.of(year, 12, 31);
        return end.isAfter(today) ? today : end;
    }

    /**
     * The rows behind one point. Refused, saying which permission is missing, when the viewer may see the count but
     * not the people or entries behind it. Drilling into residents is audited as reading their records.
     */
    @RequiresPermission(module = AppModule.STATISTICS, action = Action.VIEW)
    public Drill drill(int year, Figure figure, Chart.Point point) {
        user.require(AppModule.STATISTICS, Action.VIEW);
        String xKey = point.xKey();
        String seriesKey = point.seriesKey();
        AppModule needed = figure.drillModule() != null
                ? figure.drillModule()
                : Series.valueOf(seriesKey).module();
        user.require(needed, Action.VIEW);
        LocalDate asOf = asOf(year);
        String title = figure.label() + " · "
                + (figure.monthly()
                        ? Messages.t("stat.yearMonth", String.valueOf(year), Integer.parseInt(xKey))
                        : point.xLabel())
                + (Series.COUNT.name().equals(seriesKey) ? "" : " · " + point.seriesLabel());
        Drill drill = switch (figure) {
            case RESIDENTS_BY_CATEGORY,
                    RESIDENTS_BY_AGE_BAND,
                    RESIDENTS_BY_SEX,
                    RESIDENTS_BY_DISABILITY,
                    RESIDENTS_BY_STATUS,
                    ADMISSIONS_BY_SOURCE -> residents(figure, year, asOf, xKey, seriesKey);
            case DEPARTURES_BY_DESTINATION -> departuresDrill(year, asOf, xKey, seriesKey);
            case PLACEMENTS_BY_PATHWAY -> placementsDrill(xKey, seriesKey);
            case CARE_ACTIVITY ->
                new Drill(
                        title,
                        columns("date", "recordNo", "name", "detail"),
                        repo.careEntries(
                                Series.valueOf(seriesKey), monthStart(year, xKey), monthEnd(year, xKey), DRILL_LIMIT));
            case DONATIONS ->
                new Drill(
                        title,
                        columns("date", "seq", "kind", "reference", "detail", "amount"),
                        repo.ledgerEntries(
                                Series.valueOf(seriesKey), monthStart(year, xKey), monthEnd(year, xKey), DRILL_LIMIT));
            case VOLUNTEERS ->
                new Drill(
                        title,
                        columns("date", "volunteer", "activity", "hours"),
                        repo.volunteerEntries(monthStart(year, xKey), monthEnd(year, xKey), DRILL_LIMIT));
            case MEDICAL_CASES, MEDICAL_FUNDING ->
                new Drill(
                        title,
                        columns("date", "recordNo", "name", "detail", "cost", "amount"),
                        repo.medicalEntries(
                                Series.valueOf(seriesKey),
                                LocalDate.of(Integer.parseInt(xKey), 1, 1),
                                LocalDate.of(Integer.parseInt(xKey), 12, 31),
                                DRILL_LIMIT));
            case OPEN_DAY ->
                new Drill(
                        title,
                        columns("date", "slot", "organisation", "headCount", "slip"),
                        repo.visitEntries(monthStart(year, xKey), monthEnd(year, xKey), DRILL_LIMIT));
        };
        audit.record(
                AuditLog.READ,
                "statistics",
                figure.name(),
                AuditSummary.of(
                        "auditSummary.statDrill",
                        figure,
                        year,
                        xKey,
                        drill.rows().size()),
                null);
        return new Drill(title, drill.headers(), drill.rows());
    }

    /** Writes the dashboard's figures as a workbook, one sheet per figure; audited. */
    @RequiresPermission(module = AppModule.STATISTICS, action = Action.EXPORT)
    public void exportFigures(Dashboard dashboard, Path file) {
        user.require(AppModule.STATISTICS, Action.EXPORT);
        try {
            papers.figuresWorkbook(dashboard, homeName.get(), file);
        } catch (IOException e) {
            throw new UserFacingException("stat.exportFailed", file.toString());
        }
        audit.record(
                AuditLog.EXPORT,
                "statistics",
                String.valueOf(dashboard.year()),
                AuditSummary.of("auditSummary.exportedFile", file.getFileName()),
                null);
    }

    /** Records that a chart was saved as a picture (the picture itself is drawn by the screen). */
    @RequiresPermission(module = AppModule.STATISTICS, action = Action.EXPORT)
    public void recordChartExport(Figure figure, int year, Path file) {
        user.require(AppModule.STATISTICS, Action.EXPORT);
        audit.record(
                AuditLog.EXPORT,
                "statistics",
                figure.name(),
                AuditSummary.of("auditSummary.statExported", year, file.getFileName()),
                null);
    }

    /** The home's annual report for a year: every figure with its chart and table, in Chinese; audited. */
    @RequiresPermission(module = AppModule.STATISTICS, action = Action.EXPORT)
    public Dashboard annualReport(int year, Path file) {
        user.require(AppModule.STATISTICS, Action.EXPORT);
        Dashboard d = dashboard(year);
        try {
            papers.annualReport(d, homeName.get(), LocalDate.now(clock), file);
        } catch (IOException e) {
            throw new UserFacingException("stat.exportFailed", file.toString());
        }
        audit.record(
                AuditLog.EXPORT,
                "annual_report",
                String.valueOf(year),
                AuditSummary.of("auditSummary.exportedFile", file.getFileName()),
                null);
        return d;
    }

    /** The annual report's two files: the document to sign and publish, and its figures for a spreadsheet. */
    public record AnnualReportFiles(Path pdf, Path xlsx, Dashboard dashboard) {}

    /**
     * Writes a year's annual report (PDF) and its figures (XLSX) into a folder, named by the year; both audited. For
     * the command line, where a director's script files a year's papers in one go.
     */
    @RequiresPermission(module = AppModule.STATISTICS, action = Action.EXPORT)
    public AnnualReportFiles annualReportFiles(int year, Path dir) {
        user.require(AppModule.STATISTICS, Action.EXPORT);
        Path pdf;
        Path xlsx;
        try {
            Files.createDirectories(dir);
            pdf = SafeFileNames.inside(dir, "annual-report-" + year, "pdf");
            xlsx = SafeFileNames.inside(dir, "annual-report-" + year + "-figures", "xlsx");
        } catch (IOException e) {
            throw new UserFacingException("stat.exportFailed", dir.toString());
        }
        Dashboard d = annualReport(year, pdf);
        exportFigures(d, xlsx);
        return new AnnualReportFiles(pdf, xlsx, d);
    }

    // ---- figures

    private record Key(String key, String label) {}

    private static Key coded(Coded c) {
        return new Key(c.name(), c.label());
    }

    private static AgeBand band(ResidentFacts f, LocalDate asOf) {
        for (AgeBand b : AgeBand.values()) {
            if (!f.birth().isBefore(b.bornOnOrAfter(asOf)) && !f.birth().isAfter(b.bornOnOrBefore(asOf))) {
                return b;
            }
        }
        return AgeBand.ADULT;
    }

    private static Chart count(
            Figure figure, String asOfText, List<ResidentFacts> facts, Function<ResidentFacts, Key> key) {
        Map<Key, Integer> counts = new LinkedHashMap<>();
        facts.stream()
                .map(key)
                .sorted(Comparator.comparing(Key::key, StatisticsService::enumOrder))
                .forEach(k -> counts.merge(k, 1, Integer::sum));
        String series = Series.COUNT.label();
        return new Chart(
                figure,
                asOfText,
                counts.entrySet().stream()
                        .map(e -> new Chart.Point(
                                e.getKey().key(),
                                e.getKey().label(),
                                Series.COUNT.name(),
                                series,
                                BigDecimal.valueOf(e.getValue())))
                        .toList());
    }

    /** Keys sort as their enums declare them (codes are enum names of one type per figure). */
    private static int enumOrder(String a, String b) {
        return Integer.compare(ORDER.getOrDefault(a, 999), ORDER.getOrDefault(b, 999));
    }

    private static final Map<String, Integer> ORDER = new HashMap<>();

    static {
        for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(
                Category.class,
                AgeBand.class,
                Gender.class,
                ResidentStatus.class,
                DisabilityType.class,
                AdmissionSource.class)) {
            for (Enum<?> e : type.getEnumConstants()) {
                ORDER.putIfAbsent(e.name(), e.ordinal());
            }
        }
    }

    private static Chart disability(String asOfText, List<ResidentFacts> responsible) {
        List<Chart.Point> points = new ArrayList<>();
        for (DisabilityType t : DisabilityType.values()) {
            if (t == DisabilityType.NONE) {
                continue;
            }
            for (String grade : List.of("1", "2", "3", "4", Series.UNGRADED.name())) {
                long n = responsible.stream()
                        .filter(f -> f.disability() == t && gradeKey(f).equals(grade))
                        .count();
                if (n > 0) {
                    points.add(new Chart.Point(t.name(), t.label(), grade, gradeLabel(grade), BigDecimal.valueOf(n)));
                }
            }
        }
        return new Chart(
                Figure.RESIDENTS_BY_DISABILITY,
                asOfText,
                points,
                List.of("1", "2", "3", "4", Series.UNGRADED.name()),
                Map.of());
    }

    private static String gradeKey(ResidentFacts f) {
        return f.grade() == null ? Series.UNGRADED.name() : String.valueOf(f.grade());
    }

    private static String gradeLabel(String key) {
        return key.equals(Series.UNGRADED.name()) ? Series.UNGRADED.label() : Messages.t("stat.grade." + key);
    }

    private static Chart admissions(String yearText, List<ResidentFacts> facts, int year) {
        List<Chart.Point> points = new ArrayList<>();
        for (int y = year - YEARS_BACK + 1; y <= year; y++) {
            int yy = y;
            for (AdmissionSource s : AdmissionSource.values()) {
                long n = facts.stream()
                        .filter(f -> f.admitted().getYear() == yy && f.source() == s)
                        .count();
                if (n > 0) {
                    points.add(new Chart.Point(
                            String.valueOf(y), String.valueOf(y), s.name(), s.label(), BigDecimal.valueOf(n)));
                }
            }
        }
        return new Chart(
                Figure.ADMISSIONS_BY_SOURCE,
                yearText,
                points,
                Arrays.stream(AdmissionSource.values()).map(Enum::name).toList(),
                Map.of());
    }

    private Chart departures(String yearText, int year, LocalDate asOf) {
        List<StatisticsRepository.Departure> all =
                repo.departures(LocalDate.of(year - YEARS_BACK + 1, 1, 1), asOf, LEAVING);
        List<Chart.Point> points = new ArrayList<>();
        for (int y = year - YEARS_BACK + 1; y <= year; y++) {
            int yy = y;
            for (String dest : destinations()) {
                long n = all.stream()
                        .filter(d -> d.date().getYear() == yy && d.destination().equals(dest))
                        .count();
                if (n > 0) {
                    points.add(new Chart.Point(
                            String.valueOf(y), String.valueOf(y), dest, destinationLabel(dest), BigDecimal.valueOf(n)));
                }
            }
        }
        return new Chart(Figure.DEPARTURES_BY_DESTINATION, yearText, points, destinations(), Map.of());
    }

    /**
     * Surgeries and treatments per year over the last {@value #YEARS_BACK} years: how many of each, and their cost
     * by the source that paid it (the parts, with what is unpaid, add up to the recorded cost).
     */
    private List<Chart> medical(String yearText, int year) {
        List<StatisticsRepository.YearValue> values =
                repo.medicalByYear(LocalDate.of(year - YEARS_BACK + 1, 1, 1), LocalDate.of(year, 12, 31));
        List<Series> cases = List.of(Series.SURGERIES, Series.TREATMENTS);
        List<Chart.Point> counted = new ArrayList<>();
        List<Chart.Point> paid = new ArrayList<>();
        for (int y = year - YEARS_BACK + 1; y <= year; y++) {
            int yy = y;
            for (Series s : cases) {
                yearPoint(values, yy, s, counted);
            }
            for (Series s : Series.MEDICAL_PAID) {
                yearPoint(values, yy, s, paid);
            }
        }
        return List.of(
                new Chart(
                        Figure.MEDICAL_CASES,
                        yearText,
                        counted,
                        cases.stream().map(Enum::name).toList(),
                        Map.of()),
                new Chart(
                        Figure.MEDICAL_FUNDING,
                        yearText,
                        paid,
                        Series.MEDICAL_PAID.stream().map(Enum::name).toList(),
                        Map.of()));
    }

    /** The year's value of a series, as a point where it is not zero (as the yearly figures show only what was). */
    private static void yearPoint(
            List<StatisticsRepository.YearValue> values, int year, Series s, List<Chart.Point> into) {
        BigDecimal v = values.stream()
                .filter(x -> x.year() == year && x.series() == s)
                .map(StatisticsRepository.YearValue::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (v.signum() != 0) {
            into.add(new Chart.Point(String.valueOf(year), String.valueOf(year), s.name(), s.label(), v));
        }
    }

    private static List<String> destinations() {
        List<String> d = new ArrayList<>(LEAVING.stream().map(Enum::name).toList());
        d.add(Series.ADULT_LEFT.name());
        return d;
    }

    private static String destinationLabel(String key) {
        return key.equals(Series.ADULT_LEFT.name())
                ? Series.ADULT_LEFT.label()
                : ResidentStatus.valueOf(key).label();
    }

    private Chart placements() {
        List<StatisticsRepository.Placement> plans = repo.placements();
        List<Chart.Point> points = new ArrayList<>();
        for (Pathway p : Pathway.values()) {
            for (TransitionPlan.Status s : TransitionPlan.Status.values()) {
                long n = plans.stream()
                        .filter(x -> x.pathway().equals(p.name()) && x.status().equals(s.name()))
                        .count();
                if (n > 0) {
                    points.add(new Chart.Point(p.name(), p.label(), s.name(), s.label(), BigDecimal.valueOf(n)));
                }
            }
        }
        return new Chart(
                Figure.PLACEMENTS_BY_PATHWAY,
                Messages.t("stat.asOf", LocalDate.now(clock).toString()),
                points,
                Arrays.stream(TransitionPlan.Status.values()).map(Enum::name).toList(),
                Map.of());
    }

    private static Chart monthly(
            Figure figure, String yearText, List<StatisticsRepository.MonthValue> values, List<Series> series) {
        return monthly(figure, yearText, values, series, Map.of());
    }

    /** Twelve months of each series; {@code periodTotals} for series whose months do not add up to the year. */
    private static Chart monthly(
            Figure figure,
            String yearText,
            List<StatisticsRepository.MonthValue> values,
            List<Series> series,
            Map<String, BigDecimal> periodTotals) {
        List<Chart.Point> points = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            int mm = m;
            for (Series s : series) {
                BigDecimal v = values.stream()
                        .filter(x -> x.month() == mm && x.series() == s)
                        .map(StatisticsRepository.MonthValue::value)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                points.add(new Chart.Point(String.valueOf(m), Messages.t("stat.month", m), s.name(), s.label(), v));
            }
        }
        return new Chart(
                figure, yearText, points, series.stream().map(Enum::name).toList(), periodTotals);
    }

    // ---- drill-downs

    private Drill residents(Figure figure, int year, LocalDate asOf, String xKey, String seriesKey) {
        List<ResidentFacts> facts = repo.residentsAsOf(asOf);
        Predicate<ResidentFacts> responsible = f -> RESPONSIBLE.contains(f.status());
        Predicate<ResidentFacts> match = switch (figure) {
            case RESIDENTS_BY_CATEGORY ->
                responsible.and(f -> f.category().name().equals(xKey));
            case RESIDENTS_BY_AGE_BAND ->
                responsible.and(f -> band(f, asOf).name().equals(xKey));
            case RESIDENTS_BY_SEX -> responsible.and(f -> f.gender().name().equals(xKey));
            case RESIDENTS_BY_DISABILITY ->
                responsible.and(
                        f -> f.disability().name().equals(xKey) && gradeKey(f).equals(seriesKey));
            case RESIDENTS_BY_STATUS -> f -> f.status().name().equals(xKey);
            default ->
                f -> String.valueOf(f.admitted().getYear()).equals(xKey)
                        && f.source().name().equals(seriesKey);
        };
        List<List<String>> rows = facts.stream()
                .filter(match)
                .limit(DRILL_LIMIT)
                .map(f -> List.of(
                        f.recordNo(),
                        f.name(),
                        mask(f.idNumber()),
                        f.gender().label(),
                        f.birth().toString(),
                        f.category().label(),
                        f.admitted().toString(),
                        f.status().label()))
                .toList();
        return new Drill(
                "", columns("recordNo", "name", "idNumber", "sex", "birth", "category", "admitted", "status"), rows);
    }

    private Drill departuresDrill(int year, LocalDate asOf, String xKey, String seriesKey) {
        int y = Integer.parseInt(xKey);
        List<List<String>> rows = repo
                .departures(
                        LocalDate.of(y, 1, 1),
                        LocalDate.of(y, 12, 31).isAfter(asOf) ? asOf : LocalDate.of(y, 12, 31),
                        LEAVING)
                .stream()
                .filter(d -> d.destination().equals(seriesKey))
                .limit(DRILL_LIMIT)
                .map(d -> List.of(
                        d.date().toString(),
                        d.recordNo(),
                        d.name(),
                        mask(d.idNumber()),
                        destinationLabel(d.destination())))
                .toList();
        return new Drill("", columns("date", "recordNo", "name", "idNumber", "destination"), rows);
    }

    private Drill placementsDrill(String xKey, String seriesKey) {
        List<List<String>> rows = repo.placements().stream()
                .filter(p -> p.pathway().equals(xKey) && p.status().equals(seriesKey))
                .limit(DRILL_LIMIT)
                .map(p -> List.of(
                        p.recordNo(),
                        p.name(),
                        mask(p.idNumber()),
                        Pathway.valueOf(p.pathway()).label(),
                        TransitionPlan.Status.valueOf(p.status()).label()))
                .toList();
        return new Drill("", columns("recordNo", "name", "idNumber", "pathway", "planStatus"), rows);
    }

    private static String mask(String idNumber) {
        return idNumber == null ? "" : IdNumber.mask(idNumber);
    }

    private static LocalDate monthStart(int year, String monthKey) {
        return LocalDate.of(year, Integer.parseInt(monthKey), 1);
    }

    private static LocalDate monthEnd(int year, String monthKey) {
        return monthStart(year, monthKey)
                .withDayOfMonth(monthStart(year, monthKey).lengthOfMonth());
    }

    /** A drill's column headings, by their names under {@code stat.col}. */
    private static List<String> columns(String... names) {
        return Arrays.stream(names).map(n -> Messages.t("stat.col." + n)).toList();
    }
}
