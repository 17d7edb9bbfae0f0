package org.neurodec.encoders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

/** PyTorch's per-operation threads are set on the thread that trains, whatever another thread set, and restored after. */
class EngineThreadsTest {

    @Test
    void eachTrainingSetsItsOwnThreadsShareAndRestoresIt() throws Exception {
        ai.djl.engine.Engine.getEngine("PyTorch");
        int cores = Runtime.getRuntime().availableProcessors();
        int before = JniUtils.getNumThreads();
        int each = Math.max(1, cores / 4);
        assertEquals(each, (int) EngineThreads.sharedBy(4, JniUtils::getNumThreads), "cores / 4 each while four train");
        assertEquals(before, JniUtils.getNumThreads(), "restored afterwards");
        assertEquals(cores, (int) EngineThreads.sharedBy(1, JniUtils::getNumThreads), "one training gets every core");
        // a pool thread whose setting was left at one by earlier work still trains with the share it is given
        int[] seen = new int[1];
        Thread worker = new Thread(() -> {
            JniUtils.setNumThreads(1);
            seen[0] = EngineThreads.sharedBy(1, JniUtils::getNumThreads);
        });
        worker.start();
        worker.join();
        assertEquals(cores, seen[0], "the share, not what the thread had");
    }
}
