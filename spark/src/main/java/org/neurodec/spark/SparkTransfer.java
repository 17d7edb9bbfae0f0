package org.neurodec.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.spark.SparkEnv;
import org.neurodec.cli.DistributedTransfer;
import org.neurodec.encoders.EngineThreads;
import org.neurodec.encoders.TrainingReport;
import org.neurodec.experiments.TransferJob;
import org.neurodec.experiments.TransferPlan;
import org.neurodec.ingest.AtomicFolder;

/**
 * {@code neurodec transfer JOB --master URL}: a transfer job as two rounds of Spark tasks. First one
 * task per new subject trains that fold's shared encoder and sends the saved model back (a few
 * hundred kilobytes); then one task per fold and calibration entry (the pooled row, each calibration
 * size) scores the new subject's decoders with that model. Every task reads the job's data itself
 * (an executor keeps the last job's data for its next task); the driver only reads the job file and
 * puts the rows together in the single-machine order, so the outputs are the same bytes but for the
 * training times. A task uses as many PyTorch threads as Spark gives it cores.
 */
public final class SparkTransfer implements DistributedTransfer {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public TransferJob.Result run(Path job, Map<String, String> variables, String master, int retries, Consumer<String> log) {
        String file = job.toAbsolutePath().normalize().toString();
        Map<String, String> vars = new LinkedHashMap<>(variables);
        TransferJob.Outline outline = TransferJob.outline(job, variables);
        try (SparkBatch batch = SparkBatch.start("neurodec transfer", master, retries, log)) {
            log.accept("training " + outline.newSubjects().size() + " shared encoders as Spark tasks on " + master);
            List<Training> trainings = new ArrayList<>();
            outline.newSubjects().forEach(id -> trainings.add(new Training(file, vars, id)));
            List<TrainedFold> trained = batch.map(trainings, (task, attempt) -> task.run());
            List<Calibration> calibrations = new ArrayList<>();
            for (TrainedFold fold : trained) {
                for (int entry = 0; entry < outline.entries(); entry++) {
                    calibrations.add(new Calibration(file, vars, fold.newId(), entry, fold.model()));
                }
            }
            log.accept("scoring " + calibrations.size() + " calibrations (" + outline.newSubjects().size() + " new subjects x "
                    + outline.entries() + " entries) as Spark tasks");
            List<TransferJob.Calibrated> scored = batch.map(calibrations, (task, attempt) -> task.run());
            List<TransferJob.Fold> folds = new ArrayList<>();
            for (int f = 0; f < trained.size(); f++) {
                List<TransferJob.Row> rows = new ArrayList<>();
                List<TransferJob.TestTrials> tested = new ArrayList<>();
                for (int entry = 0; entry < outline.entries(); entry++) {
                    TransferJob.Calibrated c = scored.get(f * outline.entries() + entry);
                    rows.addAll(c.rows());
                    tested.addAll(c.testTrials());
                }
                Path model = unzip(trained.get(f).model(), Files.createTempDirectory("neurodec-transfer-model").resolve("model"));
                folds.add(new TransferJob.Fold(trained.get(f).newId(), rows, tested, trained.get(f).report(), model));
            }
            Map<Path, String> inputs = new LinkedHashMap<>();
            trained.get(0).inputs().forEach((path, role) -> inputs.put(Path.of(path), role));
            Map<String, Object> parameters = JSON.readValue(trained.get(0).parameters(), new TypeReference<LinkedHashMap<String,
                    Object>>() { });
            return TransferJob.result(job, variables, folds, inputs, parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            forget();   // in local mode the executors are this JVM: the job's data is no longer needed
        }
    }

    /**
     * One fold's training, as a task.
     *
     * @param job the job file's absolute path
     * @param variables the job's variables
     * @param newId the fold's new subject
     */
    record Training(String job, Map<String, String> variables, String newId) implements Serializable {

        TrainedFold run() throws IOException {
            return shared(() -> {
                TransferPlan plan = plan(job, variables);
                TransferJob.Trained trained = plan.train(newId, line -> { });
                try {
                    byte[] model = zip(trained.model());
                    Map<String, String> inputs = new LinkedHashMap<>();
                    plan.inputs().forEach((path, role) -> inputs.put(path.toString(), role));
                    return new TrainedFold(newId, trained.report(), model, inputs, JSON.writeValueAsString(plan.parameters()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    AtomicFolder.delete(trained.model().getParent());
                }
            });
        }
    }

    /**
     * A trained fold, as it comes back to the driver.
     *
     * @param newId the fold's new subject
     * @param report the training report
     * @param model the saved model folder, zipped
     * @param inputs the job's input files and their roles
     * @param parameters the job's parameters as JSON (the same for every fold)
     */
    record TrainedFold(String newId, TrainingReport report, byte[] model, Map<String, String> inputs, String parameters)
            implements Serializable {
    }

    /**
     * One calibration entry of one fold, as a task.
     *
     * @param job the job file's absolute path
     * @param variables the job's variables
     * @param newId the fold's new subject
     * @param entry 0 for the pooled row, i for the i-th calibration size
     * @param model the fold's model, zipped
     */
    record Calibration(String job, Map<String, String> variables, String newId, int entry, byte[] model) implements Serializable {

        TransferJob.Calibrated run() throws IOException {
            Path folder = Files.createTempDirectory("neurodec-transfer-model");
            try {
                Path model = unzip(this.model, folder.resolve("model"));
                return shared(() -> plan(job, variables).calibrate(newId, model, entry, line -> { }));
            } finally {
                AtomicFolder.delete(folder);
            }
        }
    }

    /** The last job's plan in this executor, with its data loaded, reused while the same job's tasks arrive. */
    private static String cachedKey;
    private static TransferPlan cached;

    private static synchronized TransferPlan plan(String job, Map<String, String> variables) {
        String key = job + variables + fingerprint(Path.of(job));
        if (!key.equals(cachedKey)) {
            cached = null;   // the earlier job's data can go before this one's is read
            cached = TransferJob.plan(Path.of(job), variables, line -> { });
            cachedKey = key;
        }
        return cached;
    }

    private static synchronized void forget() {
        cached = null;
        cachedKey = null;
    }

    private static String fingerprint(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /**
     * {@code work} with as many PyTorch threads per operation as Spark gives the task cores
     * ({@code spark.task.cpus}, default 1): {@code local[N]} runs N tasks on N cores, an executor of C
     * cores C tasks. The single-machine command gives each of its folds running at once its share of
     * the cores, the same one thread each when there are at least as many folds as cores, and then the
     * same sums in the same order.
     */
    private static <T> T shared(java.util.function.Supplier<T> work) {
        SparkEnv env = SparkEnv.get();
        return EngineThreads.with(env == null ? 1 : env.conf().getInt("spark.task.cpus", 1), work);
    }

    static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace(java.io.File.separatorChar, '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Path unzip(byte[] zipped, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path file = folder.resolve(e.getName()).normalize();
                if (!file.startsWith(folder)) {
                    throw new IOException("a model entry outside its folder: " + e.getName());
                }
                Files.createDirectories(file.getParent());
                Files.copy(zip, file);
            }
        }
        return folder;
    }
}
