/**
 * Preprocessing: filters, resampling, epoching, fMRI cleaning and single-trial responses (to come).
 */
package org.neurodec.preprocess;
