package org.huyou.care.daily;

import org.huyou.common.Coded;

/** The fixed choices of a daily care log entry, each with translated labels. */
public final class DailyCareChoices {

    private DailyCareChoices() {}

    public enum Shift implements Coded {
        DAY,
        EVENING,
        NIGHT;

        @Override
        public String labelPrefix() {
            return "shift";
        }
    }

    public enum Meals implements Coded {
        ALL,
        MOST,
        HALF,
        LITTLE,
        NONE;

        @Override
        public String labelPrefix() {
            return "meals";
        }
    }

    public enum Sleep implements Coded {
        GOOD,
        RESTLESS,
        POOR;

        @Override
        public String labelPrefix() {
            return "sleep";
        }
    }

    public enum Hygiene implements Coded {
        DONE,
        HELPED,
        NOT_DONE;

        @Override
        public String labelPrefix() {
            return "hygiene";
        }
    }

    public enum Mood implements Coded {
        HAPPY,
        CALM,
        UPSET,
        ANXIOUS,
        ANGRY;

        @Override
        public String labelPrefix() {
            return "mood";
        }
    }
}
