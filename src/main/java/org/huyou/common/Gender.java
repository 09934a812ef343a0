package org.huyou.common;

public enum Gender implements Coded {
    MALE,
    FEMALE;

    @Override
    public String labelPrefix() {
        return "gender";
    }
}
