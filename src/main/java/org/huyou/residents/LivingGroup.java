package org.huyou.residents;

/** A living group (生活组): the unit caregivers look after together. */
public record LivingGroup(long id, String name) {

    @Override
    public String toString() {
        return name;
    }
}
