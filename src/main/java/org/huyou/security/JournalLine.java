package org.huyou.security;

/**
 * A line of the login journal ({@link LoginAttempts}) as parsed: {@code seq at type counter name data prev hash mac},
 * tab-separated; null from {@link #parse} for text that is not one.
 */
record JournalLine(
        long seq,
        String at,
        String type,
        String counter,
        String name,
        String data,
        String prev,
        String hash,
        String mac) {
    String content() {
        return seq + "\t" + at + "\t" + type + "\t" + counter + "\t" + name + "\t" + data;
    }

    static JournalLine parse(String text) {
        String[] p = text.split("\t", -1);
        if (p.length != 9) {
            return null;
        }
        try {
            return new JournalLine(Long.parseLong(p[0]), p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
