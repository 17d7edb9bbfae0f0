/**
 * Integration tests across modules; the code lives under src/test.
 */
package org.neurodec.tests;
