package org.huyou.care.medical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import org.huyou.common.Pinyin;

/**
 * The drug classes, known ingredients and drugs shipped with the app ({@code drug-classes.tsv}, {@code ingredients.tsv},
 * {@code formulary.tsv} beside this class), and the allergy check against them. A drug's known ingredients bring
 * their own class to the check whatever its entry says (an entry of the wrong class must not hide a penicillin). A new drug is a new line of the file; drugs staff add in the app come from
 * the database and are passed in where needed. Immutable and free of I/O after loading, so the check is plain logic.
 */
public final class Formulary {

    private static final String DIR = "/org/huyou/care/medical/";
    /** Free text shorter than this is not matched inside ingredient names ("药" would match too much). */
    private static final int MIN_MATCH = 2;

    private final Map<String, DrugClass> classes;
    private final List<FormularyDrug> shipped;
    /** Known ingredients by their name and aliases, lower case. */
    private final Map<String, Ingredient> ingredients;
    /** The same by the full pinyin of the Chinese ones: an input-method slip (阿莫西临) reads the same. */
    private final Map<String, Ingredient> byPinyin;
    /** Class codes by the full pinyin of their Chinese synonyms. */
    private final Map<String, String> classByPinyin;

    Formulary(Map<String, DrugClass> classes, List<FormularyDrug> shipped, List<Ingredient> known) {
        this.classes = Map.copyOf(classes);
        this.shipped = List.copyOf(shipped);
        Map<String, Ingredient> words = new LinkedHashMap<>();
        Map<String, Ingredient> pinyin = new LinkedHashMap<>();
        for (Ingredient i : known) {
            List<String> names = new ArrayList<>(i.aliases());
            names.add(0, i.name());
            for (String n : names) {
                words.putIfAbsent(n.toLowerCase(Locale.ROOT), i);
                pinyinKey(n).ifPresent(k -> pinyin.putIfAbsent(k, i));
            }
        }
        Map<String, String> classPinyin = new LinkedHashMap<>();
        for (DrugClass c : classes.values()) {
            for (String w : c.synonyms()) {
                pinyinKey(w).ifPresent(k -> classPinyin.putIfAbsent(k, c.code()));
            }
        }
        this.ingredients = Map.copyOf(words);
        this.byPinyin = Map.copyOf(pinyin);
        this.classByPinyin = Map.copyOf(classPinyin);
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
        return new Formulary(new LinkedHashMap<>(classes), drugs, known(classes, drugs));
    }

    /**
     * The lines of {@code ingredients.tsv}, then the ingredient of each single-ingredient line of the formulary not
     * listed there; a class that contradicts another line stops the start.
     */
    private static List<Ingredient> known(Map<String, DrugClass> classes, List<FormularyDrug> drugs) {
        Map<String, Ingredient> known = new LinkedHashMap<>();
        for (String[] f : rows("ingredients.tsv", 7)) {
            if (!classes.containsKey(f[1])) {
                throw new IllegalStateException("ingredients.tsv: unknown class " + f[1] + " for " + f[0]);
            }
            Ingredient.DoseLimit limit =
                    new Ingredient.DoseLimit(number(f[3]), number(f[4]), number(f[5]), number(f[6]));
            known.put(f[0], new Ingredient(f[0], f[1], list(f[2]), limit));
        }
        for (FormularyDrug d : drugs) {
            if (d.ingredients().size() != 1) {
                continue;
            }
            Ingredient i = known.computeIfAbsent(
                    d.ingredient(), n -> new Ingredient(n, d.drugClass(), List.of(), Ingredient.DoseLimit.NONE));
            if (!i.drugClass().equals(d.drugClass())) {
                throw new IllegalStateException("formulary.tsv: " + d.name() + " is " + d.drugClass()
                        + " but its ingredient " + i.name() + " is " + i.drugClass());
            }
        }
        return new ArrayList<>(known.values());
    }

    /**
     * The known ingredient a text names: exactly (its name or an alias, any case), else by the same pinyin
     * (阿莫西临 is 阿莫西林: one input-method slip).
     */
    public Optional<Ingredient> ingredient(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Ingredient exact = ingredients.get(text.strip().toLowerCase(Locale.ROOT));
        return exact != null ? Optional.of(exact) : pinyinKey(text).map(byPinyin::get);
    }

    /** The known ingredients a free text names: a name or alias found inside it, or the whole text by pinyin. */
    List<Ingredient> ingredientsIn(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String lower = text.strip().toLowerCase(Locale.ROOT);
        Set<Ingredient> out = new LinkedHashSet<>();
        ingredients.forEach((word, i) -> {
            if (word.length() >= MIN_MATCH && lower.contains(word)) {
                out.add(i);
            }
        });
        ingredient(text).ifPresent(out::add);
        return List.copyOf(out);
    }

    /** The class an ingredient of a drug is known to belong to: its own, else the one its name obviously names. */
    private Optional<String> knownClass(String ingredient) {
        return ingredient(ingredient)
                .map(Ingredient::drugClass)
                .or(() -> classOfText(ingredient).map(DrugClass::code));
    }

    /** A drug's classes for the allergy check: its entry's and those of its ingredients, whatever the entry says. */
    public Set<String> classesOf(FormularyDrug drug) {
        Set<String> out = new LinkedHashSet<>();
        if (drug.drugClass() != null) {
            out.add(drug.drugClass());
        }
        for (String ing : drug.ingredients()) {
            knownClass(ing).ifPresent(out::add);
        }
        return out;
    }

    /**
     * What an entry's class contradicts: the first ingredient when every ingredient is known and none is of that
     * class (or a broader or narrower one), as "氨苄青霉素 · 青霉素类"; empty when it agrees or an ingredient is unknown.
     */
    public Optional<String> contradiction(String ingredientText, String drugClass) {
        if (ingredientText == null || drugClass == null) {
            return Optional.empty();
        }
        FormularyDrug entry = new FormularyDrug(0, ingredientText, ingredientText, drugClass, null, null);
        String first = null;
        for (String ing : entry.ingredients()) {
            Optional<String> k = knownClass(ing);
            if (k.isEmpty()) {
                return Optional.empty(); // an unknown ingredient may be the one of that class (a cold remedy's)
            }
            if (covers(k.get(), drugClass) || covers(drugClass, k.get())) {
                return Optional.empty();
            }
            first = first != null ? first : ing + " · " + DrugClass.label(k.get());
        }
        return Optional.ofNullable(first);
    }

    /**
     * What the allergy check recognises in an allergy's text beyond its exact words, as a short description: the
     * class it names, the known ingredients in it (also by pinyin), or a drug of the formulary it names or is part
     * of. Empty: the check can only find it by name, letter for letter (a food, a typo the pinyin does not catch).
     */
    public Optional<String> recognised(String substance, List<FormularyDrug> added) {
        Optional<DrugClass> c = classOfText(substance);
        if (c.isPresent()) {
            return Optional.of(c.get().label());
        }
        List<Ingredient> known = ingredientsIn(substance);
        if (!known.isEmpty()) {
            return Optional.of(
                    String.join("，", known.stream().map(Ingredient::description).toList()));
        }
        String lower = substance == null ? "" : substance.strip().toLowerCase(Locale.ROOT);
        if (lower.length() < MIN_MATCH) {
            return Optional.empty();
        }
        List<FormularyDrug> all = new ArrayList<>(added);
        all.addAll(shipped);
        for (FormularyDrug d : all) {
            List<String> words = new ArrayList<>(d.ingredients());
            words.add(d.name());
            for (String w : words) {
                String lw = w.toLowerCase(Locale.ROOT);
                if (lower.contains(lw) || lw.contains(lower)) {
                    return Optional.of(d.name() + " · " + DrugClass.label(d.drugClass()));
                }
            }
        }
        return Optional.empty();
    }

    /** The full pinyin of a text with Chinese in it, long enough to mean something ("ab" would match too much). */
    private static Optional<String> pinyinKey(String text) {
        String t = text.strip();
        if (t.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return Optional.empty();
        }
        String p = Pinyin.full(t).toLowerCase(Locale.ROOT);
        return p.length() >= 4 ? Optional.of(p) : Optional.empty();
    }

    private static BigDecimal number(String s) {
        String v = dash(s);
        return v == null ? null : new BigDecimal(v);
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
        if (best == null) {
            // 青霉速 for 青霉素: the same pinyin, one input-method slip
            return pinyinKey(text).map(classByPinyin::get).map(classes::get);
        }
        return Optional.of(best);
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
        // the known ingredients the allergy names, also by another name or by pinyin (amoxicillin, 阿莫西临)
        List<Ingredient> named = ingredientsIn(a.substance());
        for (String ing : drug.ingredients()) {
            String li = ing.toLowerCase(Locale.ROOT);
            Optional<Ingredient> known = ingredient(ing);
            if (text.contains(li)
                    || (text.length() >= MIN_MATCH && li.contains(text))
                    || text.contains(drug.name().toLowerCase(Locale.ROOT))
                    || (known.isPresent() && named.contains(known.get()))) {
                String cls = known.map(Ingredient::drugClass).orElse(drug.drugClass());
                return Optional.of(
                        new AllergyConflict(a, AllergyConflict.Kind.INGREDIENT, drug.name(), ing, cls, null));
            }
        }
        Set<String> drugClasses = classesOf(drug);
        if (drugClasses.isEmpty()) {
            return Optional.empty();
        }
        String allergyClass = a.drugClass() != null
                ? a.drugClass()
                : classOfText(a.substance()).map(DrugClass::code).orElse(null);
        for (String dc : drugClasses) {
            if (allergyClass != null && covers(allergyClass, dc)) {
                return Optional.of(new AllergyConflict(
                        a, AllergyConflict.Kind.CLASS, drug.name(), drug.ingredient(), dc, allergyClass));
            }
        }
        // The classes of the ingredients the allergy names ("阿莫西林" -> the penicillins).
        Set<String> ingredientClasses = new LinkedHashSet<>();
        named.forEach(i -> ingredientClasses.add(i.drugClass()));
        List<FormularyDrug> all = new ArrayList<>(added);
        all.addAll(shipped);
        for (FormularyDrug d : all) {
            for (String ing : d.ingredients()) {
                if (ing.length() >= MIN_MATCH && text.contains(ing.toLowerCase(Locale.ROOT))) {
                    // a known ingredient's own class: a stored entry of the wrong class must not spread
                    ingredientClasses.add(knownClass(ing).orElse(d.drugClass()));
                }
            }
        }
        for (String c : ingredientClasses) {
            if (drugClasses.contains(c)
                    && drugClass(c).map(DrugClass::withinClassCross).orElse(false)) {
                return Optional.of(cross(a, drug, c, c));
            }
        }
        Set<String> allergyClasses = new LinkedHashSet<>(ingredientClasses);
        if (allergyClass != null) {
            allergyClasses.add(allergyClass);
        }
        for (String c : allergyClasses) {
            for (String x : drugClass(c).map(DrugClass::crossReacts).orElse(Set.of())) {
                for (String dc : drugClasses) {
                    if (covers(x, dc)) {
                        return Optional.of(cross(a, drug, dc, c));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static AllergyConflict cross(Allergy a, FormularyDrug drug, String drugClass, String allergyClass) {
        return new AllergyConflict(
                a, AllergyConflict.Kind.CROSS, drug.name(), drug.ingredient(), drugClass, allergyClass);
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
