/**
 * Preprocessing: designed filters and their zero-phase application (matching SciPy and MNE), resampling,
 * detrending; epoching, fMRI cleaning and single-trial responses come next.
 */
package org.neurodec.preprocess;
