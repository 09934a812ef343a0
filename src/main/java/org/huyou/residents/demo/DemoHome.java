package org.huyou.residents.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.huyou.common.Gender;
import org.huyou.common.IdNumber;
import org.huyou.common.UserFacingException;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Transactions;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Ethnicity;
import org.huyou.residents.Guardianship;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ResidentStatus;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * A believable demo home (a city home in Binzhou, Shandong): living groups and residents with realistic names,
 * categories, disabilities, admission sources and status histories. Deterministic: the same seed, the same home.
 * The names and places are data, not interface text, so they stand here in Chinese.
 */
public final class DemoHome {

    public static final int DEFAULT_RESIDENTS = 72;
    /** The source the demo's admission is audited under, as an import names its file. */
    private static final String DEMO_SOURCE = "demo";

    public static final long DEFAULT_SEED = 20241214L;

    private static final String[] GROUPS = {"向日葵组", "小星星组", "彩虹组", "蒲公英组", "启航组", "春晖组"};
    private static final String[] SURNAMES = {
        "张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁",
        "谢", "宋", "唐", "韩", "曹", "许", "邓", "冯", "单", "曾", "党", "滨"
    };
    private static final String[] GIVEN_BOY = {
        "浩", "宇", "轩", "明", "子", "涛", "博", "文", "俊", "晨", "阳", "磊", "鹏", "杰", "睿", "安", "乐", "航", "志", "嘉"
    };
    private static final String[] GIVEN_GIRL = {
        "欣", "怡", "雨", "梓", "涵", "萱", "静", "婷", "佳", "悦", "诗", "琪", "雅", "思", "晴", "彤", "可", "心", "月", "瑶"
    };
    private static final String[][] COUNTIES = {
        {"371602", "山东省滨州市滨城区"}, {"371603", "山东省滨州市沾化区"}, {"371621", "山东省滨州市惠民县"},
        {"371622", "山东省滨州市阳信县"}, {"371623", "山东省滨州市无棣县"}, {"371625", "山东省滨州市博兴县"},
        {"371681", "山东省滨州市邹平市"}
    };
    private static final String HOME_HOUSEHOLD = "山东省滨州市滨城区黄河五路 滨州市儿童福利院集体户";
    private static final String[] SENDING_HOMES = {"惠民县社会福利中心", "阳信县儿童福利院", "无棣县社会福利中心", "沾化区社会福利中心"};

    private static final String OFFERED = "demo.offered";

    private final ResidentService service;
    private final Transactions tx;
    private final SettingsRepository settings;
    private final CurrentUser user;

    public DemoHome(ResidentService service, Transactions tx, SettingsRepository settings, CurrentUser user) {
        this.service = service;
        this.tx = tx;
        this.settings = settings;
        this.user = user;
    }

    /** Whether to offer the demo: the register is empty and the offer was never made on this database. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public boolean shouldOffer() {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        // Asked at every login: the setting first, and only whether one resident exists (a count reads them all).
        return settings.get(OFFERED).isEmpty() && !service.hasResidents();
    }

    /** Remembers that the offer was made (taken or not), so it is made once. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public void markOffered() {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        settings.put(OFFERED, "true");
    }

    /** Loads the demo into an empty register; refuses when residents exist, so real records are never mixed in. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public int load(int residents, long seed) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        return tx.inTransaction(() -> {
            if (service.hasResidents()) {
                throw new UserFacingException("demo.notEmpty");
            }
            List<LivingGroup> groups = new ArrayList<>();
            for (String g : GROUPS) {
                groups.add(service.createLivingGroup(g));
            }
            Random rnd = new Random(seed);
            LocalDate today = service.today();
            // drawn in the order the seed always drew them (a child, then its history), admitted as one batch
            List<Resident> drafts = new ArrayList<>();
            List<List<Move>> histories = new ArrayList<>();
            int seq = 0;
            for (int i = 0; i < residents; i++) {
                Resident draft = resident(rnd, today, groups, ++seq);
                drafts.add(draft);
                histories.add(history(rnd, today, draft));
            }
            List<Resident> admitted = service.admitAll(drafts, DEMO_SOURCE);
            for (int i = 0; i < admitted.size(); i++) {
                for (Move m : histories.get(i)) {
                    service.recordStatus(admitted.get(i).id(), m.status(), m.on(), m.note());
                }
            }
            return residents;
        });
    }

    private Resident resident(Random rnd, LocalDate today, List<LivingGroup> groups, int seq) {
        Category category = pickCategory(rnd);
        Gender gender = rnd.nextInt(100) < 55 ? Gender.MALE : Gender.FEMALE;
        int ageDays = 60 + rnd.nextInt(365 * 19);
        LocalDate birth = today.minusDays(ageDays);
        boolean foundling = category == Category.ABANDONED_INFANT;
        boolean estimated = foundling && rnd.nextInt(100) < 60;
        LocalDate admission = foundling
                ? birth.plusDays(3 + rnd.nextInt(60))
                : birth.plusDays(rnd.nextInt(Math.max(1, ageDays - 30)));
        if (admission.isAfter(today)) {
            admission = today;
        }
        String[] county = COUNTIES[rnd.nextInt(COUNTIES.length)];
        String surname = foundling && rnd.nextInt(100) < 40
                ? (rnd.nextBoolean() ? "党" : "滨")
                : SURNAMES[rnd.nextInt(SURNAMES.length - 2)];
        String name = surname + givenName(rnd, gender);
        String idNumber = null;
        if (!foundling || rnd.nextInt(100) < 70) {
            String region = foundling ? "371602" : county[0];
            idNumber = idNumber(region, birth, gender, seq);
        }
        String household = foundling ? HOME_HOUSEHOLD : county[1];
        AdmissionSource source;
        String from = null;
        if (foundling) {
            source = AdmissionSource.POLICE;
            from = county[1].substring(6) + "公安局";
        } else if (rnd.nextInt(100) < 25) {
            source = AdmissionSource.TRANSFER_IN;
            from = SENDING_HOMES[rnd.nextInt(SENDING_HOMES.length)];
        } else {
            source = AdmissionSource.CIVIL_AFFAIRS;
        }
        DisabilityType disability = pickDisability(rnd);
        Integer grade = disability == DisabilityType.NONE ? null : 1 + rnd.nextInt(4);
        Guardianship guardianship = category == Category.TEMPORARY_GUARDIANSHIP
                ? Guardianship.CIVIL_AFFAIRS_TEMPORARY
                : Guardianship.CIVIL_AFFAIRS_LONG_TERM;
        int age = today.getYear() - birth.getYear();
        LivingGroup group = groups.get(age < 3 ? 0 : age < 7 ? 1 : age < 12 ? 2 : age < 16 ? 3 : 4);
        if (grade != null && grade == 1) {
            group = groups.get(5); // severely disabled children live in the special-care group
        }
        String ethnicity = rnd.nextInt(100) < 94 ? Ethnicity.HAN : (rnd.nextBoolean() ? "03" : "11");
        return new Resident(
                null,
                null,
                null,
                name,
                null,
                gender,
                birth,
                estimated,
                ethnicity,
                idNumber,
                household,
                category,
                admission,
                source,
                from,
                disability,
                grade,
                guardianship,
                null,
                group.id(),
                null);
    }

    /** A status change of a child's history, recorded once the child has its id. */
    private record Move(ResidentStatus status, LocalDate on, String note) {}

    private static List<Move> history(Random rnd, LocalDate today, Resident r) {
        int roll = rnd.nextInt(100);
        LocalDate admitted = r.admissionDate();
        long daysInHome = ChronoUnit.DAYS.between(admitted, today);
        if (daysInHome < 200) {
            return List.of();
        }
        LocalDate later = admitted.plusDays(100 + rnd.nextInt((int) daysInHome - 100));
        int age = today.getYear() - r.birthDate().getYear();
        if (roll < 10) {
            return List.of(new Move(ResidentStatus.FAMILY_FOSTER_CARE, later, "寄养家庭：滨城区市西街道"));
        } else if (roll < 14 && age < 10) {
            return List.of(new Move(ResidentStatus.ADOPTED, later, "依法办理收养登记"));
        } else if (roll < 17) {
            LocalDate back = later.plusDays(30 + rnd.nextInt(200));
            Move foster = new Move(ResidentStatus.FAMILY_FOSTER_CARE, later, "寄养");
            return back.isBefore(today)
                    ? List.of(foster, new Move(ResidentStatus.IN_CARE, back, "寄养结束回院"))
                    : List.of(foster);
        } else if (age >= 18 && roll < 40) {
            LocalDate eighteen = r.birthDate().plusYears(18);
            return List.of(new Move(
                    ResidentStatus.ADULT_TRANSITION, eighteen.isAfter(admitted) ? eighteen : later, "社会化安置，回户籍地"));
        }
        return List.of();
    }

    /** The demo's mix of categories (about a third abandoned infants, a quarter orphans, ...). */
    @AnyUser
    public static Category pickCategory(Random rnd) {
        int p = rnd.nextInt(100);
        if (p < 36) {
            return Category.ABANDONED_INFANT;
        } else if (p < 60) {
            return Category.ORPHAN;
        } else if (p < 75) {
            return Category.DE_FACTO_UNSUPPORTED;
        } else if (p < 86) {
            return Category.SERIOUSLY_ILL_OR_DISABLED;
        } else if (p < 89) {
            return Category.HIV_AFFECTED;
        } else if (p < 95) {
            return Category.TEMPORARY_GUARDIANSHIP;
        }
        return Category.OTHER_IN_DIFFICULTY;
    }

    /** The demo's mix of disabilities (about seven in ten children have one). */
    @AnyUser
    public static DisabilityType pickDisability(Random rnd) {
        int p = rnd.nextInt(100);
        if (p < 28) {
            return DisabilityType.NONE;
        } else if (p < 48) {
            return DisabilityType.INTELLECTUAL;
        } else if (p < 66) {
            return DisabilityType.PHYSICAL;
        } else if (p < 80) {
            return DisabilityType.MULTIPLE;
        } else if (p < 86) {
            return DisabilityType.HEARING;
        } else if (p < 90) {
            return DisabilityType.VISUAL;
        } else if (p < 94) {
            return DisabilityType.SPEECH;
        }
        return DisabilityType.MENTAL;
    }

    /** The demo's living groups, by name (the generator's homes use them too). */
    @AnyUser
    public static List<String> livingGroupNames() {
        return List.of(GROUPS);
    }

    /** One or two characters of a given name, as parents (or the home) choose them for a boy or a girl. */
    @AnyUser
    public static String givenName(Random rnd, Gender gender) {
        String[] given = gender == Gender.MALE ? GIVEN_BOY : GIVEN_GIRL;
        return given[rnd.nextInt(given.length)] + (rnd.nextInt(100) < 80 ? given[rnd.nextInt(given.length)] : "");
    }

    /** A common surname (the foundling surnames 党 and 滨 excluded). */
    @AnyUser
    public static String surname(Random rnd) {
        return SURNAMES[rnd.nextInt(SURNAMES.length - 2)];
    }

    /** A well-formed number: region, birth date, a sequence whose parity gives the sex, and the check digit. */
    @AnyUser
    public static String idNumber(String region, LocalDate birth, Gender gender, int seq) {
        int s = (seq * 2) % 1000;
        if (gender == Gender.MALE) {
            s = s % 2 == 0 ? s + 1 : s;
        }
        String first17 = region + birth.toString().replace("-", "") + String.format("%03d", s % 1000);
        return first17 + IdNumber.checkDigit(first17);
    }
}
