package org.huyou.donations;

import org.huyou.common.Coded;

/** Where donated money is held: the unrestricted fund, or a restricted one that pays only for its own purpose. */
public record Fund(long id, String name, boolean restricted, Purpose purpose, boolean active) {

    public enum Purpose implements Coded {
        GENERAL, EDUCATION, MEDICAL, REHABILITATION, LIVING, PROJECT;

        @Override
        public String labelPrefix() {
            return "fundPurpose";
        }
    }

    /** Whether this fund may pay for a use of that purpose. */
    public boolean pays(Purpose use) {
        return !restricted || purpose == use;
    }
}
