package org.huyou.donations;

import org.huyou.common.Coded;
import org.huyou.common.Messages;

/** Who gave: a person, an enterprise, an organisation, or someone who wished to stay unknown. */
public record Donor(
        long id,
        Kind kind,
        String name,
        Naming naming,
        String phone,
        String address,
        String contactPerson,
        String note,
        int version) {

    public enum Kind implements Coded {
        INDIVIDUAL,
        ENTERPRISE,
        ORGANISATION,
        ANONYMOUS;

        @Override
        public String labelPrefix() {
            return "donorKind";
        }
    }

    /** How the donor wishes to appear in a public disclosure. */
    public enum Naming implements Coded {
        FULL,
        MASKED,
        ANONYMOUS;

        @Override
        public String labelPrefix() {
            return "donorNaming";
        }
    }

    /** The name a disclosure prints: in full, masked after the first character (张*), or "爱心人士". */
    public String publicName() {
        if (kind == Kind.ANONYMOUS || naming == Naming.ANONYMOUS) {
            return Messages.t("donor.anonymousPublic");
        }
        if (naming == Naming.MASKED) {
            return name.codePoints()
                            .limit(1)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    + "*";
        }
        return name;
    }
}
