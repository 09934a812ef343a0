package org.huyou.security;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huyou.common.Messages;

/**
 * The one lookup from a login name to the name people know a colleague by (姓名). Stored actor columns
 * ({@code created_by}, {@code recorded_by}, a goal's owner, the audit log's user) keep the login name, the stable key;
 * every screen, receipt, slip and plan shows it through here. Loaded at login and after an account is created or
 * renamed, so a table cell never waits on the database. The actors that are not people read as what they are: the
 * program itself ({@link CurrentUser#SYSTEM}: 系统), the demo loader ({@link #DEMO_ACTOR}: 示例数据) and the recovery
 * key; any other name it does not know (a departed account of an older home) is shown as stored.
 */
public final class Accounts {

    /** The author of the demo loader's records (created_by of the demo home's rows). */
    public static final String DEMO_ACTOR = "demo";

    /**
     * Who approves what the demo loader submitted: a second pair of eyes, as the services require, so the demo home
     * shows no approval by its own submitter.
     */
    public static final String DEMO_APPROVER = "demo-director";

    /** The actors that are not accounts, by the message key that names them. */
    private static final Map<String, String> NOT_PEOPLE = Map.of(
            CurrentUser.SYSTEM,
            "actor.system",
            DEMO_ACTOR,
            "actor.demo",
            DEMO_APPROVER,
            "actor.demoApprover",
            Keyring.RECOVERY_ACTOR,
            "actor.recoveryKey");

    private static volatile Map<String, String> names = Map.of();

    private Accounts() {}

    /** The display name of {@code login}, or {@code login} itself when there is none; null stays null. */
    public static String displayName(String login) {
        if (login == null) {
            return null;
        }
        String name = names.get(login);
        if (name != null) {
            return name;
        }
        String actor = NOT_PEOPLE.get(login);
        return actor == null ? login : Messages.t(actor);
    }

    /** Reads every account's name, inactive ones too: old records keep naming who made them. */
    static void reload(AccountRepository repo) {
        names = Map.copyOf(repo.displayNames());
    }

    private static final Pattern ROTATION_REASON = Pattern.compile("account (\\S+) (deactivated|lost a role)");

    /**
     * A file key rotation's reason as the audit log keeps it: the keyring holds it as the sentence AccountService
     * writes (pending rotations of older keyrings included), the log as a key naming the account (shown by display
     * name); a rotation asked for on the settings screen is "on demand".
     */
    public static AuditSummary rotationReason(String reason) {
        Matcher m = ROTATION_REASON.matcher(reason == null ? "" : reason);
        if (!m.matches()) {
            boolean onDemand = "on demand".equals(reason);
            return AuditSummary.of(onDemand ? "auditSummary.reasonOnDemand" : "auditSummary.value", reason);
        }
        boolean deactivated = m.group(2).equals("deactivated");
        return AuditSummary.of(
                deactivated ? "auditSummary.reasonDeactivated" : "auditSummary.reasonLostRole",
                AuditSummary.user(m.group(1)));
    }
}
