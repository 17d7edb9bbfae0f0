package org.neurodec.subjects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurodec.ingest.AtomicFile;

/** The subjects a model knows, by id, in the order they were added; saved with the model as JSON. */
public final class SubjectRegistry {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Subject> subjects = new LinkedHashMap<>();

    /** An empty registry. */
    public SubjectRegistry() {
    }

    /** A registry of these subjects. */
    public static SubjectRegistry of(List<Subject> list) {
        SubjectRegistry registry = new SubjectRegistry();
        list.forEach(registry::add);
        return registry;
    }

    /** Adds a subject; an id already present is an error. */
    public void add(Subject subject) {
        if (subjects.putIfAbsent(subject.id(), subject) != null) {
            throw new SubjectsException("subject " + subject.id() + " is already registered");
        }
    }

    /** The subject with this id. */
    public Subject get(String id) {
        Subject subject = subjects.get(id);
        if (subject == null) {
            throw new SubjectsException("unknown subject " + id + "; registered: " + subjects.keySet());
        }
        return subject;
    }

    /** Whether the id is registered. */
    public boolean contains(String id) {
        return subjects.containsKey(id);
    }

    /** The subjects in order. */
    public List<Subject> list() {
        return List.copyOf(subjects.values());
    }

    /** Writes the registry as JSON (atomically). */
    public void save(Path file) {
        AtomicFile.write(file, out -> JSON.writeValue(out, new ArrayList<>(subjects.values())));
    }

    /** Reads a registry written by {@link #save}. */
    public static SubjectRegistry load(Path file) {
        try {
            Subject[] list = JSON.readValue(file.toFile(), Subject[].class);
            return of(List.of(list));
        } catch (IOException e) {
            throw new SubjectsException(file + ": not a subject registry: " + e.getMessage(), e);
        }
    }
}
