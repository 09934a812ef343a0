package org.huyou.care.medical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The drug classes and drugs shipped with the app ({@code drug-classes.tsv}, {@code formulary.tsv} beside this class),
 * and the allergy check against them. A new drug is a new line of the file; drugs staff add in the app come from
 * the database and are passed in where needed. Immutable and free of I/O after loading, so the check is plain logic.
 */
public final class Formulary {

    private static final String DIR = "/org/huyou/care/medical/";
    /** Free text shorter than this is not matched inside ingredient names ("药" would match too much). */
    private static final int MIN_MATCH = 2;

    private final Map<String, DrugClass> classes;
    private final List<FormularyDrug> shipped;

    Formulary(Map<String, DrugClass> classes, List<FormularyDrug> shipped) {
        this.classes = Map.copyOf(classes);
        this.shipped = List.copyOf(shipped);
    }

    /** The files shipped with the app; a malformed line stops the start rather than weakening the check. */
    public static Formulary shipped() {
        Map<String, DrugClass> classes = new LinkedHashMap<>();
        for (String[] f : rows("drug-classes.tsv", 5)) {
            classes.put(f[0], new DrugClass(f[0], dash(f[1]), "Y".equals(f[2]), Set.copyOf(list(f[3])), list(f[4])));
        }
        List<FormularyDrug> drugs = new ArrayList<>();
        for (String[] f : rows("formulary.tsv", 5)) {
            if (!classes.containsKey(f[2])) {
                throw new IllegalStateException("formulary.tsv: unknown class " + f[2] + " for " + f[0]);
            }
            drugs.add(new FormularyDrug(0, f[0], f[1], f[2], dash(f[3]), dash(f[4])));
        }
        return new Formulary(new LinkedHashMap<>(classes), drugs);
    }

    public List<DrugClass> classes() {
        return List.copyOf(new ArrayList<>(classes.values()));
    }

    public Optional<DrugClass> drugClass(String code) {
        return Optional.ofNullable(code == null ? null : classes.get(code));
    }

    public List<FormularyDrug> drugs() {
        return shipped;
    }

    /**
     * The drug an order names: exactly by name, else the longest name or ingredient the text contains
     * ("阿莫西林颗粒" is 阿莫西林). Staff-added drugs come first so a home's own entry wins over the file.
     */
    public Optional<FormularyDrug> resolve(String text, List<FormularyDrug> added) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        List<FormularyDrug> all = new ArrayList<>(added);
        all.addAll(shipped);
        for (FormularyDrug d : all) {
            if (d.name().equalsIgnoreCase(t)) {
                return Optional.of(d);
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        return all.stream()
                .filter(d -> lower.contains(d.name().toLowerCase(Locale.ROOT)))
                .max(Comparator.comparingInt(d -> d.name().length()))
                .or(() -> all.stream()
                        .filter(d -> d.ingredients().size() == 1
                                && lower.contains(d.ingredient().toLowerCase(Locale.ROOT)))
                        .max(Comparator.comparingInt(d -> d.ingredient().length())));
    }

    /**
     * The class a free-text allergy obviously names ("磺胺类药物" is 磺胺类, "青霉素" the penicillins): the class whose
     * label or synonym is the longest found in the text. Empty for "花生" or "阿莫西林" (an ingredient, not a class).
     */
    public Optional<DrugClass> classOfText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        DrugClass best = null;
        int bestLen = 0;
        for (DrugClass c : classes.values()) {
            List<String> words = new ArrayList<>(c.synonyms());
            words.add(c.label());
            for (String w : words) {
                String lw = w.toLowerCase(Locale.ROOT);
                if (lw.length() > bestLen && lower.contains(lw)) {
                    best = c;
                    bestLen = lw.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Every conflict between a child's current allergies and a drug, at most one per allergy, the strongest kind:
     * the same ingredient, then the same class (or a class the allergy's broader class covers), then a known
     * cross-reaction (a listed cross-reacting class, or another drug of a class whose members cross-react).
     */
    public List<AllergyConflict> conflicts(List<Allergy> allergies, FormularyDrug drug, List<FormularyDrug> added) {
        List<AllergyConflict> out = new ArrayList<>();
        for (Allergy a : allergies) {
            if (a.voided()) {
                continue;
            }
            conflict(a, drug, added).ifPresent(out::add);
        }
        return out;
    }

    private Optional<AllergyConflict> conflict(Allergy a, FormularyDrug drug, List<FormularyDrug> added) {
        String text = a.substance().strip().toLowerCase(Locale.ROOT);
        for (String ing : drug.ingredients()) {
            String li = ing.toLowerCase(Locale.ROOT);
            if (text.contains(li)
                    || (text.length() >= MIN_MATCH && li.contains(text))
                    || text.contains(drug.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(new AllergyConflict(
                        a, AllergyConflict.Kind.INGREDIENT, drug.name(), ing, drug.drugClass(), null));
            }
        }
        if (drug.drugClass() == null) {
            return Optional.empty();
        }
        String allergyClass = a.drugClass() != null
                ? a.drugClass()
                : classOfText(a.substance()).map(DrugClass::code).orElse(null);
        if (allergyClass != null && covers(allergyClass, drug.drugClass())) {
            return Optional.of(new AllergyConflict(
                    a, AllergyConflict.Kind.CLASS, drug.name(), drug.ingredient(), drug.drugClass(), allergyClass));
        }
        // The classes of the drugs whose ingredient the allergy names ("阿莫西林" -> the penicillins).
        Set<String> ingredientClasses = new LinkedHashSet<>();
        List<FormularyDrug> all = new ArrayList<>(added);
        all.addAll(shipped);
        for (FormularyDrug d : all) {
            for (String ing : d.ingredients()) {
                if (ing.length() >= MIN_MATCH && text.contains(ing.toLowerCase(Locale.ROOT))) {
                    ingredientClasses.add(d.drugClass());
                }
            }
        }
        for (String c : ingredientClasses) {
            if (c.equals(drug.drugClass())
                    && drugClass(c).map(DrugClass::withinClassCross).orElse(false)) {
                return Optional.of(cross(a, drug, c));
            }
        }
        Set<String> allergyClasses = new LinkedHashSet<>(ingredientClasses);
        if (allergyClass != null) {
            allergyClasses.add(allergyClass);
        }
        for (String c : allergyClasses) {
            for (String x : drugClass(c).map(DrugClass::crossReacts).orElse(Set.of())) {
                if (covers(x, drug.drugClass())) {
                    return Optional.of(cross(a, drug, c));
                }
            }
        }
        return Optional.empty();
    }

    private static AllergyConflict cross(Allergy a, FormularyDrug drug, String allergyClass) {
        return new AllergyConflict(
                a, AllergyConflict.Kind.CROSS, drug.name(), drug.ingredient(), drug.drugClass(), allergyClass);
    }

    /** Whether an allergy to class {@code allergy} covers a drug of class {@code drug} (itself or a subclass). */
    private boolean covers(String allergy, String drug) {
        String c = drug;
        for (int depth = 0; c != null && depth < 5; depth++) {
            if (c.equals(allergy)) {
                return true;
            }
            c = drugClass(c).map(DrugClass::parent).orElse(null);
        }
        return false;
    }

    private static List<String[]> rows(String file, int columns) {
        try (InputStream in = Formulary.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DIR + file);
            }
            List<String[]> out = new ArrayList<>();
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != columns) {
                    throw new IllegalStateException(file + ": expected " + columns + " columns: " + line);
                }
                out.add(Arrays.stream(f).map(String::strip).toArray(String[]::new));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() || "-".equals(s) ? null : s;
    }

    private static List<String> list(String s) {
        String v = dash(s);
        return v == null
                ? List.of()
                : Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList();
    }
}
