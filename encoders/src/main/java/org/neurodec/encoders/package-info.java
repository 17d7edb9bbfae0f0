/**
 * The shared cross-subject encoder on DJL (to come).
 */
package org.neurodec.encoders;
