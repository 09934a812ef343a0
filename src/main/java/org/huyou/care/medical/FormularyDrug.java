package org.huyou.care.medical;

import java.util.Arrays;
import java.util.List;

/**
 * A drug that may be ordered: from the shipped file ({@code id} 0) or added by staff ({@code id} of its row).
 * {@code ingredient} names the active ingredients joined by "+".
 */
public record FormularyDrug(long id, String name, String ingredient, String drugClass, String forms, String units) {

    public boolean shipped() {
        return id == 0;
    }

    public List<String> ingredients() {
        return Arrays.stream(ingredient.split("\\+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** "阿莫西林 · 青霉素类", what a picker shows beside the name. */
    public String description() {
        return ingredient + " · " + DrugClass.label(drugClass);
    }
}
