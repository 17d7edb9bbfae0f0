/**
 * Stimulus sets, decoders and metrics (to come).
 */
package org.neurodec.decoders;
