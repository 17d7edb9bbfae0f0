package org.neurodec.decoders.stimuli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurodec.decoders.DecoderException;

/**
 * BERT's uncased WordPiece tokenizer over a {@code vocab.txt} (one token per line, its line number
 * its id): text lower-cased, accents stripped, split at white space and around punctuation; each
 * word split greedily into the longest vocabulary pieces (pieces after the first prefixed with
 * {@code ##}), or {@code [UNK]} when it cannot be; {@code [CLS]} first and {@code [SEP]} last, cut to
 * a maximum length.
 */
public final class WordPiece {

    private static final int MAX_WORD = 100;
    private final Map<String, Integer> ids = new HashMap<>();

    private WordPiece(List<String> vocabulary) {
        for (int i = 0; i < vocabulary.size(); i++) {
            ids.putIfAbsent(vocabulary.get(i), i);
        }
        for (String special : List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]")) {
            if (!ids.containsKey(special)) {
                throw new DecoderException("vocabulary: expected the token " + special + ", found none");
            }
        }
    }

    /** Reads a vocabulary file. */
    public static WordPiece read(Path vocab) {
        try {
            return new WordPiece(Files.readAllLines(vocab).stream().map(String::strip).toList());
        } catch (IOException e) {
            throw new DecoderException(vocab + ": cannot read the vocabulary: " + e.getMessage(), e);
        } catch (DecoderException e) {
            throw new DecoderException(vocab + ": " + e.getMessage(), e);
        }
    }

    /** The id of {@code [PAD]}. */
    public int padding() {
        return ids.get("[PAD]");
    }

    /** The token ids of {@code text}, with [CLS] and [SEP], at most {@code maxLength} of them. */
    public int[] encode(String text, int maxLength) {
        List<Integer> out = new ArrayList<>();
        out.add(ids.get("[CLS]"));
        for (String word : words(text)) {
            out.addAll(pieces(word));
        }
        if (out.size() > maxLength - 1) {
            out = new ArrayList<>(out.subList(0, Math.max(1, maxLength - 1)));
        }
        out.add(ids.get("[SEP]"));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Lower-cased, accent-free words and punctuation marks. */
    static List<String> words(String text) {
        String plain = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        plain.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || isPunctuation(c)) {
                if (word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                if (isPunctuation(c)) {
                    out.add(new String(Character.toChars(c)));
                }
            } else if (!Character.isISOControl(c)) {
                word.appendCodePoint(c);
            }
        });
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private List<Integer> pieces(String word) {
        if (word.length() > MAX_WORD) {
            return List.of(ids.get("[UNK]"));
        }
        List<Integer> out = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String piece = (start > 0 ? "##" : "") + word.substring(start, end);
                found = ids.get(piece);
                if (found != null) {
                    break;
                }
                end--;
            }
            if (found == null) {
                return List.of(ids.get("[UNK]"));
            }
            out.add(found);
            start = end;
        }
        return out;
    }
}
