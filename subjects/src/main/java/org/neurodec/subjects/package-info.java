/**
 * Subject registry and per-subject adapters (to come); ND4J is the linear-algebra engine here.
 */
package org.neurodec.subjects;
