package org.huyou.residents;

import org.huyou.common.Coded;

/** Disability types of China's classification (GB/T 26341); the grade runs from 1 (most severe) to 4. */
public enum DisabilityType implements Coded {
    NONE,
    VISUAL,
    HEARING,
    SPEECH,
    PHYSICAL,
    INTELLECTUAL,
    MENTAL,
    MULTIPLE;

    @Override
    public String labelPrefix() {
        return "disabilityType";
    }
}
