package org.neurodec.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.pooling.Pool;
import java.util.Random;

/**
 * The EEG part of the backbone, between a subject's channel-mixing adapter and the shared residual
 * MLP: a depthwise temporal convolution of each common channel, a pointwise spatial convolution
 * across the filtered channels, GELU, average pooling over time, and a linear projection to d.
 * Input: trials × times × common channels (the adapter's output); output: trials × d.
 */
final class EegFrontEnd {

    private EegFrontEnd() {
    }

    /** Samples left after pooling {@code times} samples in windows of {@code pool} (the remainder is dropped). */
    static int pooled(int times, EncoderConfig.Conv conv) {
        int n = times / conv.pool();
        if (n < 1) {
            throw new EncoderException("EEG encoder: epochs of " + times + " samples are shorter than the pooling window of "
                    + conv.pool());
        }
        return n;
    }

    /** Adds the front end's seeded parameters for epochs of {@code times} samples. */
    static void create(Parameters parameters, EncoderConfig config, int times, Random random) {
        EncoderConfig.Conv conv = config.conv();
        int depth = conv.channels() * conv.filters();
        parameters.gaussian("backbone.temporal.weight", random, 1 / Math.sqrt(conv.kernel()), depth, 1, conv.kernel());
        parameters.constant("backbone.temporal.bias", 0f, depth);
        parameters.gaussian("backbone.spatial.weight", random, 1 / Math.sqrt(depth), conv.spatial(), depth, 1);
        parameters.constant("backbone.spatial.bias", 0f, conv.spatial());
        int flat = conv.spatial() * pooled(times, conv);
        parameters.gaussian("backbone.project.weight", random, 1 / Math.sqrt(flat), flat, config.sharedDim());
        parameters.constant("backbone.project.bias", 0f, config.sharedDim());
    }

    /** trials × times × channels → trials × d. */
    static NDArray forward(Parameters parameters, EncoderConfig.Conv conv, NDArray mixed) {
        long n = mixed.getShape().get(0);
        NDArray h = mixed.transpose(0, 2, 1);
        Shape one = new Shape(1);
        h = Conv1d.conv1d(h, parameters.get("backbone.temporal.weight"), parameters.get("backbone.temporal.bias"), one,
                new Shape(conv.kernel() / 2), one, conv.channels()).singletonOrThrow();
        h = Conv1d.conv1d(h, parameters.get("backbone.spatial.weight"), parameters.get("backbone.spatial.bias"), one,
                new Shape(0), one, 1).singletonOrThrow();
        h = Activation.gelu(h);
        h = Pool.avgPool1d(h, new Shape(conv.pool()), new Shape(conv.pool()), new Shape(0), false, true);
        return h.reshape(n, -1).matMul(parameters.get("backbone.project.weight")).add(parameters.get("backbone.project.bias"));
    }
}
