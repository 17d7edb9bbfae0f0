package org.neurodec.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.neurodec.ConfigurationException;

/**
 * Paths given as URIs ({@code hdfs://…}, {@code s3a://…} with the connector on the class path,
 * {@code file:/…}) are read and written through Hadoop's file systems; a plain path is a local or
 * shared-filesystem path. The readers need local files, so a task copies the files of its one
 * recording to its executor's disk, and puts its output back under a temporary name that it then
 * renames (a rename is atomic on HDFS), so a killed task leaves no half file under the real name.
 */
final class HadoopFiles {

    private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private HadoopFiles() {
    }

    /** Whether {@code path} is a URI for Hadoop's file systems rather than a local path. */
    static boolean isUri(String path) {
        return URI_SCHEME.matcher(path).matches();
    }

    static FileSystem fileSystem(String uri) {
        try {
            return FileSystem.get(URI.create(uri), new Configuration());
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(uri + ": no Hadoop file system for this URI (" + e.getMessage() + "); for s3a:"
                    + " add hadoop-aws and its SDK to the class path (spark-submit --packages)");
        }
    }

    /** Every file under {@code root}, as '/'-separated paths relative to it, sorted. */
    static List<String> list(String root) {
        org.apache.hadoop.fs.Path base = new org.apache.hadoop.fs.Path(root);
        FileSystem fs = fileSystem(root);
        List<String> out = new ArrayList<>();
        try {
            if (!fs.getFileStatus(base).isDirectory()) {
                throw new ConfigurationException(root + ": expected a BIDS dataset folder, found a file");
            }
            String prefix = fs.makeQualified(base).toUri().getPath();
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(base, true);
            while (files.hasNext()) {
                String path = files.next().getPath().toUri().getPath();
                out.add(path.substring(prefix.length()).replaceFirst("^/", ""));
            }
        } catch (java.io.FileNotFoundException e) {
            throw new ConfigurationException(root + ": expected a BIDS dataset folder, found nothing there");
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": could not be listed: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /** Copies {@code uri} to the local {@code file}. */
    static void download(String uri, Path file) {
        try {
            Files.createDirectories(file.getParent());
            fileSystem(uri).copyToLocalFile(false, new org.apache.hadoop.fs.Path(uri), new org.apache.hadoop.fs.Path(file.toUri()),
                    true);
        } catch (IOException e) {
            throw new UncheckedIOException(uri + ": could not be copied to " + file + ": " + e.getMessage(), e);
        }
    }

    static boolean exists(String uri) {
        try {
            return fileSystem(uri).exists(new org.apache.hadoop.fs.Path(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(uri + ": could not be looked up: " + e.getMessage(), e);
        }
    }

    /**
     * Puts the local {@code file} at {@code uri}: copied beside it under a hidden temporary name, then
     * renamed into place (an earlier file there replaced).
     */
    static void upload(Path file, String uri, int attempt) {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(uri);
        org.apache.hadoop.fs.Path temporary = new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + "."
                + ProcessHandle.current().pid() + "-" + attempt + ".tmp");
        FileSystem fs = fileSystem(uri);
        try {
            fs.mkdirs(target.getParent());
            fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(file.toUri()), temporary);
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(temporary, target)) {
                throw new IOException("the rename from " + temporary + " was refused");
            }
        } catch (IOException e) {
            try {
                fs.delete(temporary, false);
            } catch (IOException ignored) {
                // the hidden temporary is all that is left
            }
            throw new UncheckedIOException(uri + ": could not be written: " + e.getMessage(), e);
        }
    }

    /** Refuses an output folder {@code uri} that is, holds or lies inside the input folder {@code input}. */
    static void refuseOverInput(String uri, String input) {
        String out = qualified(uri);
        String in = HadoopFiles.isUri(input) ? qualified(input) : qualified(Path.of(input).toAbsolutePath().toUri().toString());
        if (out.equals(in) || out.startsWith(in + "/") || in.startsWith(out + "/")) {
            throw new ConfigurationException("--out " + uri + ": expected a folder apart from the input " + input + ", found "
                    + (out.equals(in) ? "the input itself" : out.startsWith(in) ? "a folder inside it" : "a folder holding it"));
        }
    }

    private static String qualified(String uri) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(uri);
        return fileSystem(uri).makeQualified(p).toString().replaceFirst("/+$", "");
    }

    /**
     * Makes {@code uri} the output folder of {@code kind}: created when missing; an existing one must
     * be empty or a neurodec output of that kind (its marker file), so nothing else is written into.
     */
    static void claimFolder(String uri, String kind) {
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(uri);
        org.apache.hadoop.fs.Path marker = new org.apache.hadoop.fs.Path(folder, org.neurodec.ingest.OutputTarget.MARKER);
        FileSystem fs = fileSystem(uri);
        try {
            if (fs.exists(folder)) {
                FileStatus status = fs.getFileStatus(folder);
                if (!status.isDirectory()) {
                    throw new ConfigurationException(uri + ": expected the output folder, found a file");
                }
                if (fs.listStatus(folder).length > 0 && !fs.exists(marker)) {
                    throw new ConfigurationException(uri + ": expected an empty folder or an earlier neurodec " + kind
                            + " output, found a folder neurodec did not write");
                }
            }
            fs.mkdirs(folder);
            if (!fs.exists(marker)) {
                try (var out = fs.create(marker, false)) {
                    out.write(org.neurodec.ingest.OutputTarget.markerText(kind).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            } else {
                try (var in = fs.open(marker)) {
                    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    if (!text.equals(org.neurodec.ingest.OutputTarget.markerText(kind))) {
                        throw new ConfigurationException(uri + ": expected an earlier neurodec " + kind + " output, found another"
                                + " kind of neurodec output");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(uri + ": could not be created: " + e.getMessage(), e);
        }
    }
}
