package org.neurodec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output policy: what may be written where, the lock, and the leftovers of killed writers. */
class OutputTargetTest {

    private static final OutputTarget.Kind RUN = OutputTarget.Kind.folder("run");

    @TempDir
    Path dir;

    @Test
    void aNewPathOrAnEmptyFolderIsClaimedAndTheLockFileGoesWithTheClaim() throws IOException {
        Path out = dir.resolve("new/out");
        try (OutputTarget target = OutputTarget.claim("--out", out, RUN, false, List.of())) {
            assertEquals(dir.toRealPath().resolve("new/out"), target.path());
            assertTrue(Files.exists(dir.resolve("new/.out.lock")));
        }
        assertFalse(Files.exists(dir.resolve("new/.out.lock")), "the lock file is removed on close");
        Files.createDirectories(out);
        OutputTarget.claim("--out", out, RUN, false, List.of()).close();
    }

    @Test
    void anEarlierOutputOfTheSameKindNeedsOverwriteAndAnotherKindIsNeverReplaced() {
        Path out = dir.resolve("out");
        AtomicFolder.write(out, "run", folder -> Files.writeString(folder.resolve("a.txt"), "a"));
        IngestException again = assertThrows(IngestException.class, () -> OutputTarget.claim("--out", out, RUN, false, List.of()));
        assertTrue(again.getMessage().contains("--overwrite"), again.getMessage());
        OutputTarget.claim("--out", out, RUN, true, List.of()).close();
        IngestException other = assertThrows(IngestException.class, () -> OutputTarget.claim("--out", out,
                OutputTarget.Kind.folder("model"), true, List.of()));
        assertTrue(other.getMessage().contains("a neurodec run output"), other.getMessage());
    }

    @Test
    void atomicFolderItselfNeverReplacesAFolderItDidNotWrite() throws IOException {
        Path user = Files.createDirectories(dir.resolve("user"));
        Files.writeString(user.resolve("notes.txt"), "keep");
        assertThrows(IngestException.class, () -> AtomicFolder.write(user, "run", folder -> { }));
        assertEquals("keep", Files.readString(user.resolve("notes.txt")));
    }

    @Test
    void aSecondClaimFailsWhileTheFirstIsHeld() {
        Path out = dir.resolve("out");
        try (OutputTarget first = OutputTarget.claim("--out", out, RUN, false, List.of())) {
            IngestException second = assertThrows(IngestException.class, () -> OutputTarget.claim("--out", out, RUN, false,
                    List.of()));
            assertTrue(second.getMessage().contains("being written now"), second.getMessage());
        }
        OutputTarget.claim("--out", out, RUN, false, List.of()).close();
    }

    @Test
    void leftoversOfKilledWritersAreRemovedAndOthersAreNot() throws IOException {
        Path temporary = Files.createDirectories(dir.resolve(".out.8137261534"));
        Files.writeString(temporary.resolve("half.csv"), "1,2");
        Path old = Files.createDirectories(dir.resolve(".out.old.42"));
        Path part = Files.writeString(dir.resolve(".out.77.part"), "x");
        Path unrelated = Files.createDirectories(dir.resolve(".outer.123"));
        Path lock = Files.writeString(dir.resolve(".out.lock"), "999999");
        try (OutputTarget target = OutputTarget.claim("--out", dir.resolve("out"), RUN, false, List.of())) {
            assertEquals(3, target.removedLeftovers().size(), target.removedLeftovers().toString());
        }
        assertFalse(Files.exists(temporary) || Files.exists(old) || Files.exists(part));
        assertTrue(Files.exists(unrelated));
        assertFalse(Files.exists(lock), "a stale lock file of a killed writer is taken over and removed");
    }

    @Test
    void inputsAreComparedByRealPath() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path recording = Files.writeString(data.resolve("rec.vhdr"), "header");
        Files.writeString(data.resolve("rec.eeg"), "samples");
        Path link = Files.createSymbolicLink(dir.resolve("link"), data);
        for (Path out : List.of(data, dir, data.resolve("rec.eeg"))) {
            IngestException e = assertThrows(IngestException.class, () -> OutputTarget.claim("--out", out, RUN, true,
                    OutputTarget.withCompanions(link.resolve("rec.vhdr"))), out.toString());
            // refused because of the inputs, not only because the place holds files neurodec did not write
            assertTrue(e.getMessage().contains("input"), e.getMessage());
        }
        IngestException inside = assertThrows(IngestException.class, () -> OutputTarget.claim("--out", data.resolve("sub/out"),
                RUN, true, List.of(link)), "inside an input folder");
        assertTrue(inside.getMessage().contains("inside the input " + data.toRealPath()), inside.getMessage());
        IngestException viaLink = assertThrows(IngestException.class, () -> OutputTarget.claim("--out", link, RUN, true,
                List.of()));
        assertTrue(viaLink.getMessage().contains("symbolic link"), viaLink.getMessage());
        assertEquals("header", Files.readString(recording));
    }
}
