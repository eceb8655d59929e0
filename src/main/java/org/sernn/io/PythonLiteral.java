package org.sernn.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the small subset of Python literals that a {@code .npy} header dict uses
 * (numpy.lib.format reads the header with {@code ast.literal_eval}): dicts with string keys,
 * tuples, lists, strings in single or double quotes, integers (with Python 2's {@code L} suffix)
 * and {@code True}/{@code False}. Whitespace, including the header's padding and final newline, is
 * skipped between tokens.
 *
 * <p>Results: {@code Map<String, Object>} (in order), {@link Tuple}, {@code List<Object>},
 * {@code String}, {@code Long}, {@code Boolean}.
 */
final class PythonLiteral {

    /** A Python tuple, kept apart from a list because a header's shape must be a tuple. */
    record Tuple(List<Object> items) {
    }

    private final String text;
    private int position;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /**
     * Parses one literal that makes up the whole of {@code text} (surrounding whitespace allowed).
     *
     * @throws NpyFormatException naming the character position where parsing failed
     */
    static Object parse(String text) throws NpyFormatException {
        PythonLiteral parser = new PythonLiteral(text);
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw parser.error("unexpected text after the literal");
        }
        return value;
    }

    private Object value() throws NpyFormatException {
        skipWhitespace();
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> dict();
            case '(' -> parenthesised();
            case '[' -> list();
            case '\'', '"' -> string();
            default -> c == '-' || c == '+' || Character.isDigit(c) ? integer() : word();
        };
    }

    private Map<String, Object> dict() throws NpyFormatException {
        Map<String, Object> dict = new LinkedHashMap<>();
        position++;
        while (!closes('}')) {
            int keyStart = position;
            if (!(value() instanceof String key)) {
                position = keyStart;
                throw error("dict key is not a string");
            }
            expect(':');
            if (dict.put(key, value()) != null) {
                throw error("key '" + key + "' appears twice");
            }
            if (!comesNext('}')) {
                expect(',');
            }
        }
        return dict;
    }

    /** {@code (a, b)}, {@code (a,)} and {@code ()} are tuples; {@code (a)} is just {@code a}, as in Python. */
    private Object parenthesised() throws NpyFormatException {
        position++;
        if (closes(')')) {
            return new Tuple(List.of());
        }
        Object first = value();
        if (closes(')')) {
            return first;
        }
        List<Object> items = new ArrayList<>();
        items.add(first);
        expect(',');
        while (!closes(')')) {
            items.add(value());
            if (!comesNext(')')) {
                expect(',');
            }
        }
        return new Tuple(items);
    }

    private List<Object> list() throws NpyFormatException {
        List<Object> items = new ArrayList<>();
        position++;
        while (!closes(']')) {
            items.add(value());
            if (!comesNext(']')) {
                expect(',');
            }
        }
        return items;
    }

    private String string() throws NpyFormatException {
        char quote = text.charAt(position++);
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == quote) {
                return value.toString();
            }
            if (c == '\\') {
                if (position >= text.length()) {
                    break;
                }
                char escaped = text.charAt(position++);
                switch (escaped) {
                    case '\\', '\'', '"' -> value.append(escaped);
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    default -> {
                        position -= 2;
                        throw error("unsupported escape \\" + escaped + " in a string");
                    }
                }
            } else {
                value.append(c);
            }
        }
        throw error("string is not closed");
    }

    private Long integer() throws NpyFormatException {
        int start = position;
        if (text.charAt(position) == '-' || text.charAt(position) == '+') {
            position++;
        }
        int digitsStart = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (position == digitsStart) {
            position = start;
            throw error("expected a number");
        }
        String digits = text.substring(start, position);
        if (position < text.length() && (text.charAt(position) == 'L' || text.charAt(position) == 'l')) {
            position++;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            position = start;
            throw error("integer " + digits + " is too large");
        }
    }

    private Boolean word() throws NpyFormatException {
        for (String word : new String[] {"True", "False"}) {
            if (text.startsWith(word, position)) {
                position += word.length();
                return word.equals("True");
            }
        }
        throw error("unexpected character '" + text.charAt(position) + "'");
    }

    /** Skips whitespace; consumes {@code close} and returns true if it comes next. */
    private boolean closes(char close) {
        if (comesNext(close)) {
            position++;
            return true;
        }
        return false;
    }

    /** Skips whitespace; returns whether {@code c} comes next, without consuming it. */
    private boolean comesNext(char c) {
        skipWhitespace();
        return position < text.length() && text.charAt(position) == c;
    }

    private void expect(char expected) throws NpyFormatException {
        skipWhitespace();
        if (position >= text.length() || text.charAt(position) != expected) {
            throw error("expected '" + expected + "'");
        }
        position++;
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private NpyFormatException error(String what) {
        String where = position >= text.length() ? "at the end" : "at character " + position;
        return new NpyFormatException(what + " " + where);
    }
}
