package org.huyou.donations;

import java.util.Map;
import org.huyou.common.Coded;
import org.huyou.common.Messages;

/** Where donated money is held: the unrestricted fund, or a restricted one that pays only for its own purpose. */
public record Fund(long id, String name, boolean restricted, Purpose purpose, boolean active) {

    public enum Purpose implements Coded {
        GENERAL,
        EDUCATION,
        MEDICAL,
        REHABILITATION,
        LIVING,
        PROJECT;

        @Override
        public String labelPrefix() {
            return "fundPurpose";
        }
    }

    /**
     * The funds every home starts with (the ledger's migration names them in Chinese), by the message key that names
     * them in the user's language; a fund the home created or renamed keeps the name it was given.
     */
    private static final Map<String, String> SEEDED =
            Map.of("非定向捐赠", "fundName.general", "助学金", "fundName.education", "医疗救助", "fundName.medical");

    /** How a stored fund name reads: a starting fund's in the user's language, any other as stored. */
    public static String shownName(String stored) {
        String key = SEEDED.get(stored);
        return key == null ? stored : Messages.t(key);
    }

    /**
     * Whether a name typed in an import file names this fund: its name as shown, or a starting fund's name in
     * either language (a register filled in Chinese is read by an English-speaking user too).
     */
    public boolean named(String typed) {
        if (typed == null) {
            return false;
        }
        String t = typed.strip();
        if (t.equalsIgnoreCase(name)) {
            return true;
        }
        return SEEDED.entrySet().stream()
                .filter(e -> shownName(e.getKey()).equals(name))
                .anyMatch(e -> t.equals(e.getKey())
                        || t.equalsIgnoreCase(Messages.load(Messages.ENGLISH).getString(e.getValue())));
    }

    /** Whether this fund may pay for a use of that purpose. */
    public boolean pays(Purpose use) {
        return !restricted || purpose == use;
    }
}
