package org.neurodec.experiments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.neurodec.decoders.DecoderException;

/**
 * The registry of {@link ModelType}s on the class path, and the checks every type shares: the type
 * is known, the section has only the type's keys, the data is of a kind the type accepts, and a
 * classifier has a number of classes it works with.
 */
public final class ModelTypes {

    private static final Map<String, ModelType> TYPES = load();

    private ModelTypes() {
    }

    private static Map<String, ModelType> load() {
        Map<String, ModelType> types = new LinkedHashMap<>();
        for (ModelType type : ServiceLoader.load(ModelType.class, ModelTypes.class.getClassLoader())) {
            ModelType earlier = types.putIfAbsent(type.name(), type);
            if (earlier != null) {
                throw new DecoderException("model type '" + type.name() + "': expected one plug-in of that name, found "
                        + earlier.getClass().getName() + " and " + type.getClass().getName());
            }
        }
        return types;
    }

    /** Every registered type, in class-path order. */
    public static List<ModelType> all() {
        return List.copyOf(TYPES.values());
    }

    /** The registered names. */
    public static List<String> names() {
        return new ArrayList<>(TYPES.keySet());
    }

    /** The model of {@code section}, checked against {@code data} (null: the section's keys and values only). */
    public static JobModel create(Job.Section section, TrialData data) {
        ModelType type = TYPES.get(section.oneOf("type", names()));
        Set<String> keys = type.keys().stream().map(ModelType.Key::name).collect(Collectors.toCollection(HashSet::new));
        keys.add("type");
        section.only(keys);
        if (data != null) {
            ModelType.Data kind = data.epochs() != null ? ModelType.Data.EEG_EPOCHS : ModelType.Data.TRIAL_MATRIX;
            if (!type.accepts().contains(kind)) {
                throw section.error("type", "a model for " + type.accepts(), "'" + type.name() + "' on " + kind);
            }
            int n = data.classes().size();
            if (type.classifies() && (n < type.minClasses() || n > type.maxClasses())) {
                throw section.error("type", (type.minClasses() == type.maxClasses() ? type.minClasses()
                        : type.minClasses() + " or more") + " classes in the data", n + " " + data.classes());
            }
        }
        return type.create(section, data);
    }

    /** The types and their keys, as {@code run --list-models} prints them. */
    public static String describe() {
        StringBuilder out = new StringBuilder();
        for (ModelType t : all()) {
            out.append(t.name()).append(" (").append(t.classifies() ? "classifies" : "reconstructs").append("; data: ")
                    .append(t.accepts().stream().map(d -> d.name().toLowerCase(Locale.ROOT).replace('_', ' ')).sorted()
                            .collect(Collectors.joining(", "))).append(")\n    ").append(t.summary()).append('\n');
            for (ModelType.Key k : t.keys()) {
                out.append(String.format(Locale.ROOT, "    %-17s default %-12s %s%n", k.name(), k.fallback(), k.meaning()));
            }
        }
        return out.toString();
    }
}
