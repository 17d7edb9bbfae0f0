package org.neurodec.cli.notebooks;

/**
 * One output of a notebook cell, as nbformat 4 stores it.
 *
 * @param type stream, execute_result, display_data or error
 * @param text the text (stdout, the value's text, an image's text form, an error's message)
 * @param png a PNG image in base64 (display_data, execute_result), or null
 */
public record CellOutput(String type, String text, String png) {
}
