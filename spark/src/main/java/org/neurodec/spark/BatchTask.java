package org.neurodec.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One unit of a batch: a {@code run} or {@code transfer} job file with its {@code --set} values,
 * written to its own output folder. Sent to Spark's executors, so it holds only strings.
 *
 * @param name the task's name, unique in the batch (its output folder's name)
 * @param command run or transfer
 * @param job the job file's absolute path
 * @param sets the job's variables to set, in order
 * @param out the task's output folder, absolute
 */
public record BatchTask(String name, String command, String job, Map<String, String> sets, String out) implements Task {

    /** Keeps a copy of the variables in their order. */
    public BatchTask {
        sets = new LinkedHashMap<>(sets);
    }

    @Override
    public TaskResult run(int attempt) {
        return TaskRunner.run(this, attempt);
    }

    /** The single-machine command line that does this task's work: {@code neurodec ARGS}. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of(command, job, "--out", out));
        if (command.equals("run")) {
            args.add("--no-progress");
        }
        sets.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        return args;
    }
}
