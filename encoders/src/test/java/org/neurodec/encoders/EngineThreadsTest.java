package org.neurodec.encoders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

/** PyTorch's per-operation threads are divided while trainings run at once, and restored by the last to finish. */
class EngineThreadsTest {

    @Test
    void threadsAreDividedWhileSharedAndRestoredByTheLastCaller() {
        ai.djl.engine.Engine.getEngine("PyTorch");
        int before = JniUtils.getNumThreads();
        int each = Math.max(1, Math.min(before, Runtime.getRuntime().availableProcessors() / 4));
        int inner = EngineThreads.sharedBy(4, () -> {
            assertEquals(each, JniUtils.getNumThreads(), "cores / 4 each while four train");
            // a second caller at once (another transfer in the same JVM) does not restore the setting when it ends
            EngineThreads.sharedBy(4, () -> JniUtils.getNumThreads());
            return JniUtils.getNumThreads();
        });
        assertEquals(each, inner, "still divided after the other caller finished");
        assertEquals(before, JniUtils.getNumThreads(), "restored by the last caller");
        assertEquals(before, (int) EngineThreads.sharedBy(1, JniUtils::getNumThreads), "one training keeps every thread");
    }
}
