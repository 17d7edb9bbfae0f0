/**
 * The shared cross-subject encoder on DJL (PyTorch engine): an adapter per subject into a shared
 * space, one backbone, and heads (contrastive, regression, classes); its training ({@link
 * org.neurodec.encoders.Trainer}), new subjects ({@link org.neurodec.encoders.NewSubject}), checkpoints
 * and model folders.
 *
 * <h2>Who owns native memory</h2>
 * <ul>
 *   <li>A {@link org.neurodec.encoders.SharedEncoder} owns one {@code NDManager}: its parameters,
 *   prototypes and everything they are made of. Closing the encoder frees all of it, so open one with
 *   try-with-resources.</li>
 *   <li>A {@link org.neurodec.encoders.Trainer} owns a child manager of the encoder's; the optimiser's
 *   moments live in a grandchild that exists for one {@code train} call only. Close the trainer (or
 *   the encoder, which closes its children) to free what it holds.</li>
 *   <li>Each training step and each batch of inference works in a child manager of its own, closed
 *   at the end of the step; arrays that must outlive it are attached back to their owner.</li>
 *   <li>There are no views: no object shares an encoder's manager and can close it. Training under
 *   other settings (fine-tuning at a lower learning rate) passes those settings to the trainer.</li>
 * </ul>
 */
package org.neurodec.encoders;
